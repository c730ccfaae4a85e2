# cases/pshared: one binary per kind of object; pshared.h holds their
# shared helpers (the shared area, its placements, exec'd helpers).
nobase_pkglibexec_PROGRAMS += %reldir%/mutex %reldir%/robust %reldir%/cond \
	%reldir%/rwlock %reldir%/barrier %reldir%/spin %reldir%/sem
EXTRA_DIST += %reldir%/pshared.h
