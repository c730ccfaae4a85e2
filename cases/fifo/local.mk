# cases/fifo: one binary per source file.
