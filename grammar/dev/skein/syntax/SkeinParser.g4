/*
 * Skein's syntax. Statements end at a newline or ';'. Blocks are braces. Everything after
 * parsing (scopes, slots, checks) happens in Java: dev.skein.syntax.AstBuilder turns this
 * parse tree into the AST, dev.skein.compiler resolves it.
 */
parser grammar SkeinParser;

options { tokenVocab = SkeinLexer; }

program : sep* (statement (sep+ statement)* sep*)? EOF;

sep : NL | SEMI;

block : LBRACE sep* (statement (sep+ statement)* sep*)? RBRACE;

statement
    : LET targets ASSIGN exprList                                   # letStmt
    | FN name LPAREN paramList? RPAREN block                        # fnStmt
    | RECORD name LPAREN paramList? RPAREN                          # recordStmt
    | IF expr block elseIf* elseBlock?                              # ifStmt
    | WHILE expr block                                              # whileStmt
    | FOR targets IN expr block                                     # forStmt
    | BREAK                                                         # breakStmt
    | CONTINUE                                                      # continueStmt
    | RETURN exprList?                                              # returnStmt
    | THROW expr                                                    # throwStmt
    | TRY block catchClause* finallyBlock?                          # tryStmt
    | IMPORT (dottedName | STRING) (AS name)?                       # importStmt
    | WITH expr (AS name)? block                                    # withStmt
    | exprList (assignOp exprList)?                                 # exprStmt
    ;

elseIf       : NL* ELSE IF expr block;
elseBlock    : NL* ELSE block;
catchClause  : NL* CATCH (catchKinds (AS name)?)? block;
catchKinds   : dottedName (COMMA dottedName)*;
finallyBlock : NL* FINALLY block;
dottedName   : name (DOT name)*;

assignOp
    : ASSIGN | PLUS_ASSIGN | MINUS_ASSIGN | STAR_ASSIGN | SLASH_ASSIGN | DSLASH_ASSIGN
    | PERCENT_ASSIGN | POW_ASSIGN | AMP_ASSIGN | PIPE_ASSIGN | CARET_ASSIGN | SHL_ASSIGN | SHR_ASSIGN
    ;

targets : target (COMMA target)* COMMA?;
target
    : name                          # nameTarget
    | LPAREN targets RPAREN         # nestedTarget
    | LBRACK targets RBRACK         # nestedTarget2
    ;

paramList : param (COMMA param)* COMMA?;
param
    : name (ASSIGN expr)?           # plainParam
    | STAR name                     # restParam
    ;

exprList : expr (COMMA expr)* COMMA?;

expr
    : FN LPAREN paramList? RPAREN (ARROW expr | block)                      # lambdaExpr
    | SUBMIT postfix (TO orTest)? (TIMEOUT orTest)?                         # submitExpr
    | mapClause                                                             # mapExpr
    | orTest (IF orTest ELSE expr)?                                         # condExpr
    ;

mapClause : MAP orTest OVER orTest (COMMA orTest)* mapOption*;

mapOption
    : TO orTest                     # mapTo
    | CHUNK orTest                  # mapChunk
    | UNORDERED                     # mapUnordered
    | TIMEOUT orTest                # mapTimeout
    | BUFFER orTest                 # mapBuffer
    ;

// Binary operators of several precedence levels share one rule: operands separated by any of
// their operators, the same strings as one rule per level. The AST builder groups them by
// precedence ('and' before 'or'; comparisons, then '|', '^', '&', shifts, '+', '*' ever
// tighter). Every operand then costs the parser, the parse tree and the AST builder 8 rules
// instead of 17, which is most of a cold parse (bench/compile_time.sh).
orTest     : notTest ((OR | AND) notTest)*;
notTest    : NOT notTest | comparison;
comparison : factor ((PIPE | CARET | AMP | SHL | SHR | PLUS | MINUS | STAR | SLASH | DSLASH | PERCENT | compOp) factor)*;
compOp     : LT | GT | EQ | GE | LE | NE | IN | NOT IN;
// A prefix operator, or an operand with an optional power ('**' binds tighter than a prefix on its left).
factor     : (PLUS | MINUS | TILDE) factor | awaitExpr (POW factor)?;
awaitExpr  : AWAIT awaitExpr (TIMEOUT factor)? | postfix;

postfix : atom trailer*;
trailer
    : LPAREN argList? RPAREN        # callTrailer
    | LBRACK subscript RBRACK       # indexTrailer
    | DOT anyName                   # attrTrailer
    ;

argList : arg (COMMA arg)* COMMA?;
arg
    : name ASSIGN expr              # keywordArg
    | STAR expr                     # starArg
    | expr compFor?                 # positionalArg
    ;

// Every decision below looks at most a few tokens (and newlines) ahead, never across a whole
// nested expression: an alternative chosen only after its first item would make nested
// brackets quadratic to parse. The AST builder sorts out what the shared prefix turned out to be.
subscript : lo=expr sliceTail? | sliceTail;
sliceTail : COLON hi=expr? (COLON step=expr?)?;

atom
    : name                                              # nameAtom
    | INT                                               # intAtom
    | FLOAT                                             # floatAtom
    | (STRING | FSTRING)+                               # stringAtom
    | TRUE                                              # trueAtom
    | FALSE                                             # falseAtom
    | NONE                                              # noneAtom
    | LPAREN expr compFor? RPAREN                       # parenAtom
    | LBRACK (expr (compFor | (COMMA expr)* COMMA?))? RBRACK                   # listAtom
    | LBRACE NL* (braceItem (NL* compFor | (NL* COMMA NL* braceItem)* (NL* COMMA)?) NL*)? RBRACE   # braceAtom
    | UNTERMINATED_STRING                               # badStringAtom
    ;

// A dict entry (key: value) or a set item (no colon); one brace literal holds one kind.
braceItem : key=expr (NL* COLON NL* value=expr)?;

compFor  : FOR targets IN compSource compIter*;
compIter : NL* FOR targets IN compSource | NL* IF orTest;
compSource : mapClause | orTest;

// Names: identifiers plus the words that are keywords only inside submit/map/await.
name : NAME | OVER | TO | CHUNK | UNORDERED | TIMEOUT | BUFFER;

// After a dot any word is a member name: pool.map(…), x.to, e.message.
anyName
    : name | LET | FN | RETURN | IF | ELSE | WHILE | FOR | IN | BREAK | CONTINUE | RECORD | TRY
    | CATCH | FINALLY | THROW | IMPORT | AS | AND | OR | NOT | TRUE | FALSE | NONE | SUBMIT | AWAIT
    | MAP | WITH
    ;
