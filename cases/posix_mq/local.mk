# cases/posix_mq: one binary per source file.
