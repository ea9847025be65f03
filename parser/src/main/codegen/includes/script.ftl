<#-- A script: statements separated by semicolons, each located for its statement text. -->

/**
 * Parses a script of statements, each ended by a semicolon (optional after the last one),
 * and tells the collector where each statement starts and ends.
 */
void SluiceScript(StatementCollector collector) :
{
}
{
    [
        SluiceScriptStatement(collector)
        (
            <SEMICOLON> { collector.terminatedBy(token); }
            [ SluiceScriptStatement(collector) ]
        )*
    ]
    <EOF> { collector.endOfInput(); }
}

void SluiceScriptStatement(StatementCollector collector) :
{
    final SqlNode statement;
}
{
    { collector.begin(getToken(1)); }
    statement = SqlStmt()
    { collector.parsed(GrammarActions.supported(statement), token); }
}
