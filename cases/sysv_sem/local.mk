# cases/sysv_sem: one binary per source file.
