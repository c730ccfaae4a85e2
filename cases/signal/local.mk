# cases/signal: one binary per source file.
