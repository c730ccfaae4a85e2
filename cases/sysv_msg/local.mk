# cases/sysv_msg: one binary per source file.
