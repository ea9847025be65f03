<#-- ksqlDB's WINDOW clause, which Sluice's patched SELECT accepts right after FROM, and the WITHIN clause of a join. -->

/**
 * Parses WINDOW TUMBLING (SIZE d), WINDOW HOPPING (SIZE d, ADVANCE BY d) or
 * WINDOW SESSION (d), each with optional RETENTION d and GRACE PERIOD d in either order.
 */
SqlWindowSpec SluiceWindowClause() :
{
    final Span s;
    final WindowClauseBuilder window;
    final Duration size;
    final SqlParserPos advanceAt;
    final Duration advance;
    final Duration gap;
}
{
    <WINDOW> { s = span(); }
    (
        <TUMBLING> <LPAREN>
        <SIZE> size = SluiceDuration("SIZE", true)
        { window = WindowClauseBuilder.tumbling(size); }
    |
        <HOPPING> <LPAREN>
        <SIZE> size = SluiceDuration("SIZE", true)
        <COMMA> <ADVANCE> { advanceAt = getPos(); } <BY>
        advance = SluiceDuration("ADVANCE BY", true)
        { window = WindowClauseBuilder.hopping(size, advance, advanceAt); }
    |
        <SESSION> <LPAREN>
        gap = SluiceDuration("The SESSION gap", true)
        { window = WindowClauseBuilder.session(gap); }
    )
    ( <COMMA> SluiceWindowOption(window) )*
    <RPAREN>
    { return window.build(s.end(this)); }
}

/** Parses RETENTION d or GRACE PERIOD d into the window being built. */
void SluiceWindowOption(WindowClauseBuilder window) :
{
    final SqlParserPos at;
    final Duration duration;
}
{
    <RETENTION> { at = getPos(); }
    duration = SluiceDuration("RETENTION", true)
    { window.retention(duration, at); }
|
    <GRACE> { at = getPos(); } <PERIOD>
    duration = SluiceDuration("GRACE PERIOD", false)
    { window.grace(duration, at); }
}

/** Parses a whole number and a time unit, such as 30 SECONDS; what names it in errors. */
Duration SluiceDuration(String what, boolean positive) :
{
    final Token number;
    final ChronoUnit unit;
}
{
    <UNSIGNED_INTEGER_LITERAL> { number = token; }
    unit = SluiceTimeUnit()
    { return WindowClauseBuilder.duration(what, positive, number, unit); }
}

/** Parses one of ksqlDB's time units, singular or plural, MILLISECOND(S) to DAY(S). */
ChronoUnit SluiceTimeUnit() :
{
}
{
    ( <MILLISECOND> | <MILLISECONDS> ) { return ChronoUnit.MILLIS; }
|
    ( <SECOND> | <SECONDS> ) { return ChronoUnit.SECONDS; }
|
    ( <MINUTE> | <MINUTES> ) { return ChronoUnit.MINUTES; }
|
    ( <HOUR> | <HOURS> ) { return ChronoUnit.HOURS; }
|
    ( <DAY> | <DAYS> ) { return ChronoUnit.DAYS; }
|
    // Anything else, such as WEEKS or a missing unit, gets a message that lists the units.
    { throw WindowClauseBuilder.expectedUnit(token, getToken(1)); }
}

/**
 * Parses ksqlDB's WITHIN clause of a stream-stream join, written after the joined table:
 * WITHIN d, or WITHIN (before, after), then an optional GRACE PERIOD d.
 */
SqlJoinWithin SluiceWithinClause(SqlNode table) :
{
    final Span s;
    final Duration before;
    Duration after = null;
    Duration grace = null;
}
{
    <WITHIN> { s = span(); }
    (
        <LPAREN>
        before = SluiceDuration("WITHIN", false)
        <COMMA>
        after = SluiceDuration("WITHIN", false)
        <RPAREN>
    |
        before = SluiceDuration("WITHIN", false)
    )
    [ <GRACE> <PERIOD> grace = SluiceDuration("GRACE PERIOD", false) ]
    { return SqlJoinWithin.of(s.end(this), table, before, after == null ? before : after, grace); }
}
