# cases/posix_sem: one binary per source file.
