#include "ipct.h"
IPCT_CASES(NULL);
