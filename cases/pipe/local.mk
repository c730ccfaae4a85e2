# cases/pipe: one binary per source file.
nobase_pkglibexec_PROGRAMS += %reldir%/read
