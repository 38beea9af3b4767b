"""The R front end: grammar, post-lexer, syntax tree, parser and unparser."""
