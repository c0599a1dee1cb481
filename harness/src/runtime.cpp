#include "proofbox/harness/runtime.hpp"
