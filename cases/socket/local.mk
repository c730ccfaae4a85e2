# cases/socket: one binary per source file.
