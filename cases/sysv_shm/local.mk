# cases/sysv_shm: one binary per source file.
