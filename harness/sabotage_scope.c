/* SPDX-License-Identifier: MIT
 * sabotage_scope.c - where a sabotage acts (harness/sabotage.c): only in
 * case processes (the runner sets IPCCONF_CASE in the case leader, children
 * inherit it) and only on calls made by the case's own code or the reference
 * implementation, never on calls made by libipct or the runner's code linked
 * into the binary (checkpoints, blocking proofs, cleanup), so that a case
 * turns red because it checked the sabotaged behaviour, not because its
 * scaffolding broke.  The caller is told apart by its return address, looked
 * up in the executable's own symbol table (/proc/self/exe, .symtab).
 */
#define _GNU_SOURCE
#include <elf.h>
#include <fcntl.h>
#include <link.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sabotage.h"

struct range { uintptr_t lo, hi; };
static struct range *ranges;
static size_t nranges;
static int loaded; /* 0 not yet, 1 loaded, -1 unusable: act nowhere */

/* libipct's and the runner's sources (lib/ref/ is the implementation under
 * test: not among them). */
static const char *const lib_files[] = {
	"check.c", "names.c", "proc.c", "sync.c", "block.c", "journal.c",
	"cleanup.c", "page.c", "resources.c", "wrappers.c", "transcript.c",
	"util.c", "refcase.c", "registry.c", "main.c", "options.c", "select.c",
	"supervise.c", "report.c", "baseline.c", NULL,
};
/* Global functions of the runner's files (libipct's globals are ipct_*). */
static const char *const harness_prefixes[] = {
	"ipct_", "main", "die_usage", "options_", "parse_options", "harness_",
	"list_cases", "needs_str", "require_matches", "skip_",
	"validate_table", "supervise", "watchdog_", "report_", "baseline_", NULL,
};

static int lib_file(const char *f)
{
	const char *b = strrchr(f, '/');
	int i;

	b = b ? b + 1 : f;
	for (i = 0; lib_files[i]; i++)
		if (strcmp(b, lib_files[i]) == 0)
			return 1;
	return 0;
}

static int lib_global(const char *n)
{
	int i;

	for (i = 0; harness_prefixes[i]; i++)
		if (strncmp(n, harness_prefixes[i], strlen(harness_prefixes[i])) == 0)
			return 1;
	return 0;
}

static int first_object(struct dl_phdr_info *info, size_t size, void *data)
{
	(void)size;
	*(uintptr_t *)data = info->dlpi_addr;
	return 1; /* the first is the executable */
}

static int cmp_range(const void *a, const void *b)
{
	const struct range *x = a, *y = b;

	return x->lo < y->lo ? -1 : x->lo > y->lo;
}

static void load(void)
{
	int fd;
	struct stat st;
	const unsigned char *m;
	const ElfW(Ehdr) *eh;
	const ElfW(Shdr) *sh;
	uintptr_t base = 0;
	size_t i, cap = 0;

	loaded = -1; /* also while loading: the calls below are interposed */
	fd = open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return;
	if (fstat(fd, &st) != 0 || (m = mmap(NULL, st.st_size, PROT_READ, MAP_PRIVATE, fd, 0)) == MAP_FAILED) {
		close(fd);
		return;
	}
	close(fd);
	dl_iterate_phdr(first_object, &base);
	eh = (const void *)m;
	sh = (const void *)(m + eh->e_shoff);
	for (i = 0; i < eh->e_shnum; i++) {
		const ElfW(Sym) *sym;
		const char *str, *file = "";
		size_t n, j;

		if (sh[i].sh_type != SHT_SYMTAB)
			continue;
		sym = (const void *)(m + sh[i].sh_offset);
		str = (const char *)(m + sh[sh[i].sh_link].sh_offset);
		n = sh[i].sh_size / sizeof *sym;
		for (j = 0; j < n; j++) {
			int type = ELF64_ST_TYPE(sym[j].st_info);
			int bind = ELF64_ST_BIND(sym[j].st_info);
			const char *name = str + sym[j].st_name;
			int lib;

			if (type == STT_FILE) {
				file = name;
				continue;
			}
			if (type != STT_FUNC || !sym[j].st_value)
				continue;
			lib = bind == STB_LOCAL ? lib_file(file) : lib_global(name);
			if (!lib)
				continue;
			if (nranges == cap) {
				cap = cap ? 2 * cap : 256;
				ranges = realloc(ranges, cap * sizeof *ranges);
				if (!ranges)
					return;
			}
			ranges[nranges].lo = base + sym[j].st_value;
			ranges[nranges].hi = base + sym[j].st_value + sym[j].st_size;
			nranges++;
		}
	}
	munmap((void *)m, st.st_size);
	if (!nranges)
		return; /* stripped: cannot tell, act nowhere */
	qsort(ranges, nranges, sizeof *ranges, cmp_range);
	loaded = 1;
}

/* Read the symbol table once, in the process that loads the library (the
 * runner): every case process it forks inherits it. */
__attribute__((constructor)) static void load_early(void)
{
	if (!loaded && (getenv("IPCCONF_SABOTAGE") || getenv("IPCCONF_SABOTAGE_TRACE")))
		load();
}

int sabotage_case_code(const void *ra)
{
	uintptr_t a = (uintptr_t)ra;
	size_t lo = 0, hi;

	if (!getenv("IPCCONF_CASE"))
		return 0;
	if (!loaded)
		load();
	if (loaded < 0)
		return 0;
	hi = nranges;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (a < ranges[mid].lo)
			hi = mid;
		else if (a >= ranges[mid].hi)
			lo = mid + 1;
		else
			return 0; /* libipct or the runner */
	}
	return 1;
}
