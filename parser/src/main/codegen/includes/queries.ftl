<#-- Queries as statements, INSERT INTO, and the PARTITION BY and EMIT clauses. -->

/**
 * Parses a query typed as a statement: query [EMIT CHANGES|FINAL] [LIMIT n], where a LIMIT
 * after EMIT (ksqlDB's place for it) joins the query like Calcite's own LIMIT.
 */
SqlNode SluiceQueryStatement() :
{
    final SqlNode query;
    EmitMode emit = EmitMode.NONE;
    SqlNode fetch = null;
}
{
    query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
    [
        emit = SluiceEmit()
        [
            <LIMIT> <UNSIGNED_INTEGER_LITERAL>
            { fetch = SqlLiteral.createExactNumeric(token.image, getPos()); }
        ]
    ]
    {
        final SqlParserPos pos = Span.of(query).end(this);
        return new SqlQueryStatement(pos, GrammarActions.withLimit(query, fetch, pos), emit);
    }
}

/**
 * Parses INSERT INTO name, then either [(columns)] VALUES rows, or
 * [WITH (...)] query [PARTITION BY ...] [EMIT CHANGES].
 */
SqlNode SluiceInsert() :
{
    final Span s;
    final SqlIdentifier name;
    SqlNodeList columns = null;
    final List<SqlNodeList> rows;
    SqlProperties properties;
    final SqlNode query;
    final SqlNodeList partitionBy;
    final EmitMode emit;
}
{
    <INSERT> { s = span(); }
    <INTO>
    name = SimpleIdentifier()
    (
        LOOKAHEAD(2)
        columns = ParenthesizedSimpleIdentifierList()
        rows = SluiceValuesRows()
        { return new SqlInsertValues(s.end(this), name, columns, rows); }
    |
        // Rows to insert, rather than the start of a VALUES query.
        LOOKAHEAD(1)
        rows = SluiceValuesRows()
        { return new SqlInsertValues(s.end(this), name, columns, rows); }
    |
        { properties = SqlProperties.empty(getPos()); }
        [ LOOKAHEAD(2) properties = SluiceWithProperties() ]
        query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
        partitionBy = SluicePartitionByOpt()
        emit = SluiceEmitOpt()
        {
            return new SqlInsertSelect(s.end(this), name, properties, query, partitionBy,
                emit);
        }
    )
}

List<SqlNodeList> SluiceValuesRows() :
{
    final List<SqlNodeList> rows = new ArrayList<SqlNodeList>();
    SqlNodeList row;
}
{
    <VALUES>
    row = SluiceValuesRow() { rows.add(row); }
    (
        <COMMA> row = SluiceValuesRow() { rows.add(row); }
    )*
    { return rows; }
}

SqlNodeList SluiceValuesRow() :
{
    final Span s;
    final List<SqlNode> values = new ArrayList<SqlNode>();
    SqlNode value;
}
{
    <LPAREN> { s = span(); }
    value = Expression(ExprContext.ACCEPT_NON_QUERY) { values.add(value); }
    (
        <COMMA> value = Expression(ExprContext.ACCEPT_NON_QUERY) { values.add(value); }
    )*
    <RPAREN>
    { return new SqlNodeList(values, s.end(this)); }
}

/** Parses [PARTITION BY expression, ...]; null when absent. */
SqlNodeList SluicePartitionByOpt() :
{
    final Span s;
}
{
    <PARTITION> { s = span(); } <BY>
    { return ExpressionCommaList(s, ExprContext.ACCEPT_NON_QUERY); }
|
    { return null; }
}

EmitMode SluiceEmitOpt() :
{
    final EmitMode emit;
}
{
    emit = SluiceEmit() { return emit; }
|
    { return EmitMode.NONE; }
}

/** Parses EMIT CHANGES or EMIT FINAL. */
EmitMode SluiceEmit() :
{
}
{
    <EMIT>
    (
        <CHANGES> { return EmitMode.CHANGES; }
    |
        <FINAL> { return EmitMode.FINAL; }
    )
}

/** Parses ksqlDB's struct constructor STRUCT(name := expr, ...). */
SqlNode SluiceStructConstructor() :
{
    final Span s;
    final List<SqlNode> operands = new ArrayList<SqlNode>();
}
{
    <STRUCT> { s = span(); } <LPAREN>
    [
        SluiceStructConstructorField(operands)
        ( <COMMA> SluiceStructConstructorField(operands) )*
    ]
    <RPAREN>
    { return StructConstructor.OPERATOR.createCall(s.end(this), operands); }
}

void SluiceStructConstructorField(List<SqlNode> operands) :
{
    final SqlIdentifier name;
    final SqlNode value;
}
{
    name = SimpleIdentifier() <COLON> <EQ> value = Expression(ExprContext.ACCEPT_SUB_QUERY) {
        operands.add(SqlLiteral.createCharString(name.getSimple(), name.getParserPosition()));
        operands.add(value);
    }
}
