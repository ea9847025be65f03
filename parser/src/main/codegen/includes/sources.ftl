<#-- CREATE STREAM/TABLE (as a source or as a persistent query), columns, types, WITH. -->

/**
 * Parses CREATE [OR REPLACE] STREAM|TABLE [IF NOT EXISTS] name, followed either by the
 * declaration of a source over a topic, or by AS and the query that fills it; or CREATE [OR
 * REPLACE] VIEW [IF NOT EXISTS] name AS query.
 */
SqlNode SluiceCreate() :
{
    final Span s;
    boolean orReplace = false;
    final boolean table;
    boolean ifNotExists = false;
    final SqlIdentifier name;
    final List<SqlColumnDeclaration> columns;
    SqlProperties properties;
    final SqlNode query;
    final SqlNodeList partitionBy;
    final EmitMode emit;
}
{
    <CREATE> { s = span(); }
    [ <OR> <REPLACE> { orReplace = true; } ]
    (
        <VIEW>
        [ LOOKAHEAD(3) <IF> <NOT> <EXISTS> { ifNotExists = true; } ]
        name = SimpleIdentifier()
        <AS>
        query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
        { return new SqlCreateView(s.end(this), orReplace, ifNotExists, name, query); }
    |
        <STREAM> { table = false; }
    |
        <TABLE> { table = true; }
    )
    [ LOOKAHEAD(3) <IF> <NOT> <EXISTS> { ifNotExists = true; } ]
    name = SimpleIdentifier()
    { properties = SqlProperties.empty(getPos()); }
    (
        columns = SluiceColumnDeclarations()
        [ properties = SluiceWithProperties() ]
        {
            return new SqlCreateSource(s.end(this), table, orReplace, ifNotExists, name,
                columns, properties);
        }
    |
        [ properties = SluiceWithProperties() ]
        (
            <AS>
            query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
            partitionBy = SluicePartitionByOpt()
            emit = SluiceEmitOpt()
            {
                return new SqlCreateAsSelect(s.end(this), table, orReplace, ifNotExists, name,
                    properties, query, partitionBy, emit);
            }
        |
            {
                return new SqlCreateSource(s.end(this), table, orReplace, ifNotExists, name,
                    Collections.<SqlColumnDeclaration>emptyList(), properties);
            }
        )
    )
}

List<SqlColumnDeclaration> SluiceColumnDeclarations() :
{
    final List<SqlColumnDeclaration> columns = new ArrayList<SqlColumnDeclaration>();
    SqlColumnDeclaration column;
}
{
    <LPAREN>
    column = SluiceColumnDeclaration() { columns.add(column); }
    (
        <COMMA> column = SluiceColumnDeclaration() { columns.add(column); }
    )*
    <RPAREN>
    { return columns; }
}

/** Parses a column: name type [KEY | PRIMARY KEY]. */
SqlColumnDeclaration SluiceColumnDeclaration() :
{
    final SqlIdentifier name;
    final SqlTypeDeclaration type;
    ColumnConstraint constraint = ColumnConstraint.NONE;
}
{
    name = SimpleIdentifier()
    type = SluiceType()
    [
        <KEY> { constraint = ColumnConstraint.KEY; }
    |
        <PRIMARY> <KEY> { constraint = ColumnConstraint.PRIMARY_KEY; }
    ]
    {
        return new SqlColumnDeclaration(Span.of(name).end(this), name, type, constraint);
    }
}

/** Parses a ksqlDB type, such as INT, DECIMAL(10, 2) or MAP<STRING, ARRAY<BIGINT>>. */
SqlTypeDeclaration SluiceType() :
{
    final Span s;
    final int precision;
    final int scale;
    final SqlTypeDeclaration element;
    final SqlTypeDeclaration value;
    final List<SqlColumnDeclaration> fields = new ArrayList<SqlColumnDeclaration>();
    SqlColumnDeclaration field;
}
{
    <BOOLEAN> { return SqlTypeDeclaration.of(getPos(), TypeKind.BOOLEAN); }
|
    ( <INT> | <INTEGER> ) { return SqlTypeDeclaration.of(getPos(), TypeKind.INTEGER); }
|
    <BIGINT> { return SqlTypeDeclaration.of(getPos(), TypeKind.BIGINT); }
|
    <DOUBLE> { return SqlTypeDeclaration.of(getPos(), TypeKind.DOUBLE); }
|
    ( <VARCHAR> | <STRING> ) { return SqlTypeDeclaration.of(getPos(), TypeKind.STRING); }
|
    <BYTES> { return SqlTypeDeclaration.of(getPos(), TypeKind.BYTES); }
|
    <DATE> { return SqlTypeDeclaration.of(getPos(), TypeKind.DATE); }
|
    <TIME> { return SqlTypeDeclaration.of(getPos(), TypeKind.TIME); }
|
    <TIMESTAMP> { return SqlTypeDeclaration.of(getPos(), TypeKind.TIMESTAMP); }
|
    <DECIMAL> { s = span(); }
    <LPAREN> precision = UnsignedIntLiteral() <COMMA> scale = UnsignedIntLiteral() <RPAREN>
    { return SqlTypeDeclaration.decimal(s.end(this), precision, scale); }
|
    <ARRAY> { s = span(); }
    <LT> element = SluiceType() <GT>
    { return SqlTypeDeclaration.array(s.end(this), element); }
|
    <MAP> { s = span(); }
    <LT> element = SluiceType() <COMMA> value = SluiceType() <GT>
    { return SqlTypeDeclaration.map(s.end(this), element, value); }
|
    <STRUCT> { s = span(); }
    (
        // The lexer reads the "<>" of an empty STRUCT<> as the not-equals operator.
        <NE>
    |
        <LT>
        [
            field = SluiceStructField() { fields.add(field); }
            (
                <COMMA> field = SluiceStructField() { fields.add(field); }
            )*
        ]
        <GT>
    )
    { return SqlTypeDeclaration.struct(s.end(this), fields); }
}

SqlColumnDeclaration SluiceStructField() :
{
    final SqlIdentifier name;
    final SqlTypeDeclaration type;
}
{
    name = SimpleIdentifier()
    type = SluiceType()
    {
        return new SqlColumnDeclaration(Span.of(name).end(this), name, type,
            ColumnConstraint.NONE);
    }
}

/** Parses WITH (KEY = literal, ...); keys are upper-cased and may not repeat. */
SqlProperties SluiceWithProperties() :
{
    final Span s;
    final List<SqlProperty> properties = new ArrayList<SqlProperty>();
    SqlProperty property;
}
{
    <WITH> { s = span(); }
    <LPAREN>
    property = SluiceProperty() { GrammarActions.addProperty(properties, property); }
    (
        <COMMA> property = SluiceProperty() { GrammarActions.addProperty(properties, property); }
    )*
    <RPAREN>
    { return new SqlProperties(s.end(this), properties); }
}

SqlProperty SluiceProperty() :
{
    final SqlIdentifier key;
    final SqlLiteral value;
    final String text;
}
{
    (
        key = SimpleIdentifier()
    |
        // ksqlDB's TIMESTAMP property names a column; elsewhere TIMESTAMP is a reserved word.
        <TIMESTAMP> { key = new SqlIdentifier("TIMESTAMP", getPos()); }
    |
        // Sluice's GLOBAL property declares a global table; elsewhere GLOBAL is a reserved word.
        <GLOBAL> { key = new SqlIdentifier("GLOBAL", getPos()); }
    )
    <EQ>
    (
        text = SimpleStringLiteral() { value = SqlLiteral.createCharString(text, getPos()); }
    |
        value = NumericLiteral()
    |
        <TRUE> { value = SqlLiteral.createBoolean(true, getPos()); }
    |
        <FALSE> { value = SqlLiteral.createBoolean(false, getPos()); }
    )
    {
        return new SqlProperty(Span.of(key).end(this),
            key.getSimple().toUpperCase(Locale.ROOT), value);
    }
}
