/*
 * Skein's tokens. Newlines are real tokens (NL): they end statements. The Java side
 * (dev.skein.syntax.NewlineFilter) drops the NLs that fall inside parentheses or brackets,
 * so expressions there may span lines freely.
 */
lexer grammar SkeinLexer;

// Reserved words.
LET       : 'let';
FN        : 'fn';
RETURN    : 'return';
IF        : 'if';
ELSE      : 'else';
WHILE     : 'while';
FOR       : 'for';
IN        : 'in';
BREAK     : 'break';
CONTINUE  : 'continue';
RECORD    : 'record';
TRY       : 'try';
CATCH     : 'catch';
FINALLY   : 'finally';
THROW     : 'throw';
IMPORT    : 'import';
AS        : 'as';
AND       : 'and';
OR        : 'or';
NOT       : 'not';
TRUE      : 'true';
FALSE     : 'false';
NONE      : 'none';
SUBMIT    : 'submit';
AWAIT     : 'await';
MAP       : 'map';
WITH      : 'with';

// Keywords only inside submit/map/await; ordinary names elsewhere (see the parser's `name`).
OVER      : 'over';
TO        : 'to';
CHUNK     : 'chunk';
UNORDERED : 'unordered';
TIMEOUT   : 'timeout';
BUFFER    : 'buffer';

LPAREN : '(';
RPAREN : ')';
LBRACK : '[';
RBRACK : ']';
LBRACE : '{';
RBRACE : '}';
COMMA  : ',';
SEMI   : ';';
COLON  : ':';
DOT    : '.';
ARROW  : '=>';

ASSIGN         : '=';
PLUS_ASSIGN    : '+=';
MINUS_ASSIGN   : '-=';
STAR_ASSIGN    : '*=';
SLASH_ASSIGN   : '/=';
DSLASH_ASSIGN  : '//=';
PERCENT_ASSIGN : '%=';
POW_ASSIGN     : '**=';
AMP_ASSIGN     : '&=';
PIPE_ASSIGN    : '|=';
CARET_ASSIGN   : '^=';
SHL_ASSIGN     : '<<=';
SHR_ASSIGN     : '>>=';

EQ : '==';
NE : '!=';
LE : '<=';
GE : '>=';
LT : '<';
GT : '>';

POW     : '**';
PLUS    : '+';
MINUS   : '-';
STAR    : '*';
DSLASH  : '//';
SLASH   : '/';
PERCENT : '%';
AMP     : '&';
PIPE    : '|';
CARET   : '^';
TILDE   : '~';
SHL     : '<<';
SHR     : '>>';

FLOAT
    : DIGITS '.' DIGITS? EXPONENT?
    | '.' DIGITS EXPONENT?
    | DIGITS EXPONENT
    ;

INT
    : DIGITS
    | '0' [xX] ('_'? [0-9a-fA-F])+
    | '0' [oO] ('_'? [0-7])+
    | '0' [bB] ('_'? [01])+
    ;

FSTRING : ([fF] [rR]? | [rR] [fF]) STRING_BODY;
STRING  : ([rR] | [bB] | [rR] [bB] | [bB] [rR])? STRING_BODY;

// A string that reaches the end of its line (or of the input) without its closing quote.
// (A triple-quoted one runs to the end of the input; its body can never contain its closing quotes.)
UNTERMINATED_STRING
    : ([fFrRbB] [fFrRbB]?)? ( '"""' (ESCAPE | ~["\\] | '"' (ESCAPE | ~["\\]) | '""' (ESCAPE | ~["\\]))* ('"' | '""')? EOF
                             | '\'\'\'' (ESCAPE | ~['\\] | '\'' (ESCAPE | ~['\\]) | '\'\'' (ESCAPE | ~['\\]))* ('\'' | '\'\'')? EOF
                             | '"' (ESCAPE | ~["\\\r\n])*
                             | '\'' (ESCAPE | ~['\\\r\n])* )
    ;

NAME : [a-zA-Z_] [a-zA-Z_0-9]*;

NL : '\r'? '\n';

WS        : [ \t\f]+ -> skip;
LINE_JOIN : '\\' '\r'? '\n' -> skip;
COMMENT   : '#' ~[\r\n]* -> skip;

// Anything else becomes a token the parser rejects with a clear message.
ERROR_CHAR : .;

fragment DIGITS   : [0-9] ('_'? [0-9])*;
fragment EXPONENT : [eE] [+-]? DIGITS;
fragment ESCAPE   : '\\' ('\r'? '\n' | .);
fragment STRING_BODY
    : '"""' (ESCAPE | ~'\\')*? '"""'
    | '\'\'\'' (ESCAPE | ~'\\')*? '\'\'\''
    | '"' (ESCAPE | ~["\\\r\n])* '"'
    | '\'' (ESCAPE | ~['\\\r\n])* '\''
    ;
