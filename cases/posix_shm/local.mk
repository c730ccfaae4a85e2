# cases/posix_shm: one binary per source file.
