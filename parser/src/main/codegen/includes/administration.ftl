<#-- DROP, TERMINATE, SHOW/LIST, DESCRIBE, EXPLAIN and PRINT. -->

/** Parses DROP STREAM|TABLE [IF EXISTS] name [DELETE TOPIC], or DROP VIEW [IF EXISTS] name. */
SqlNode SluiceDrop() :
{
    final Span s;
    final boolean table;
    boolean ifExists = false;
    final SqlIdentifier name;
    boolean deleteTopic = false;
}
{
    <DROP> { s = span(); }
    (
        <VIEW>
        [ LOOKAHEAD(2) <IF> <EXISTS> { ifExists = true; } ]
        name = SimpleIdentifier()
        { return new SqlDropView(s.end(this), ifExists, name); }
    |
        <STREAM> { table = false; }
    |
        <TABLE> { table = true; }
    )
    [ LOOKAHEAD(2) <IF> <EXISTS> { ifExists = true; } ]
    name = SimpleIdentifier()
    [ <DELETE> <TOPIC> { deleteTopic = true; } ]
    { return new SqlDropSource(s.end(this), table, ifExists, name, deleteTopic); }
}

/** Parses TERMINATE query_id or TERMINATE ALL. */
SqlNode SluiceTerminate() :
{
    final Span s;
    SqlIdentifier queryId = null;
}
{
    <TERMINATE> { s = span(); }
    (
        <ALL>
    |
        queryId = SimpleIdentifier()
    |
        // Without this branch a bare TERMINATE would be read as a column name.
        { throw GrammarActions.expected(token, ALL, IDENTIFIER); }
    )
    { return new SqlTerminate(s.end(this), queryId); }
}

/** Parses SHOW|LIST STREAMS|TABLES|VIEWS|QUERIES|TOPICS|PROPERTIES|FUNCTIONS [EXTENDED]. */
SqlNode SluiceShow() :
{
    final Span s;
    final ShowKind kind;
    boolean extended = false;
}
{
    ( <SHOW> | <LIST> ) { s = span(); }
    (
        <STREAMS> { kind = ShowKind.STREAMS; }
    |   <TABLES> { kind = ShowKind.TABLES; }
    |   <VIEWS> { kind = ShowKind.VIEWS; }
    |   <QUERIES> { kind = ShowKind.QUERIES; }
    |   <TOPICS> { kind = ShowKind.TOPICS; }
    |   <PROPERTIES> { kind = ShowKind.PROPERTIES; }
    |   <FUNCTIONS> { kind = ShowKind.FUNCTIONS; }
    |   {
            throw GrammarActions.expected(token, STREAMS, TABLES, VIEWS, QUERIES, TOPICS,
                PROPERTIES, FUNCTIONS);
        }
    )
    [ <EXTENDED> { extended = true; } ]
    { return new SqlShow(s.end(this), kind, extended); }
}

/** Parses DESCRIBE [EXTENDED] name. */
SqlNode SluiceDescribe() :
{
    final Span s;
    boolean extended = false;
    final SqlIdentifier name;
}
{
    <DESCRIBE> { s = span(); }
    [ LOOKAHEAD(<EXTENDED> SimpleIdentifier()) <EXTENDED> { extended = true; } ]
    name = SimpleIdentifier()
    { return new SqlDescribeSource(s.end(this), name, extended); }
}

/**
 * Parses EXPLAIN query_id, or EXPLAIN followed by a query, CREATE ... AS SELECT or
 * INSERT INTO ... SELECT.
 */
SqlNode SluiceExplain() :
{
    final Span s;
    final SqlIdentifier queryId;
    final SqlNode statement;
}
{
    <EXPLAIN> { s = span(); }
    (
        LOOKAHEAD(SimpleIdentifier() (<SEMICOLON> | <EOF>))
        queryId = SimpleIdentifier()
        { return new SqlExplainStatement(s.end(this), queryId, null); }
    |
        (
            statement = SluiceCreate()
        |
            statement = SluiceInsert()
        |
            statement = SluiceQueryStatement()
        )
        {
            return new SqlExplainStatement(s.end(this), null,
                GrammarActions.explainable(statement));
        }
    )
}

/** Parses PRINT topic [FROM BEGINNING | LAST n] [INTERVAL n] [LIMIT n]. */
SqlNode SluicePrint() :
{
    final Span s;
    final String topic;
    final SqlIdentifier id;
    boolean fromBeginning = false;
    Integer last = null;
    Integer interval = null;
    Integer limit = null;
}
{
    <PRINT> { s = span(); }
    (
        topic = SimpleStringLiteral()
    |
        id = SimpleIdentifier() { topic = GrammarActions.topicName(id, token); }
    |
        { throw GrammarActions.expected(token, QUOTED_STRING, IDENTIFIER); }
    )
    [
        <FROM> <BEGINNING> { fromBeginning = true; }
    |
        <LAST> last = UnsignedIntLiteral()
    ]
    [ <INTERVAL> interval = UnsignedIntLiteral() ]
    [ <LIMIT> limit = UnsignedIntLiteral() ]
    { return new SqlPrint(s.end(this), topic, fromBeginning, last, interval, limit); }
}
