#include "core/util/DescriptorBudget.h"

#include <algorithm>

#include <sys/resource.h>

namespace pb {

std::optional<DescriptorLimit> raiseDescriptorLimit()
{
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0) return std::nullopt;
    DescriptorLimit result;
    result.before = long(std::min<rlim_t>(limit.rlim_cur, rlim_t(kDescriptorCeiling)));
    result.hard = long(std::min<rlim_t>(limit.rlim_max, rlim_t(kDescriptorCeiling)));
    result.soft = result.before;
    if (limit.rlim_cur < rlim_t(result.hard)) {
        limit.rlim_cur = rlim_t(result.hard);
        if (::setrlimit(RLIMIT_NOFILE, &limit) == 0) result.soft = result.hard;
    }
    return result;
}

int socketDescriptorShare(double fraction, int minimum)
{
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0) return minimum;
    const long soft = long(std::min<rlim_t>(limit.rlim_cur, rlim_t(kDescriptorCeiling)));
    const long forSockets = std::max(0L, soft - kReservedDescriptors);
    return std::max(minimum, int(double(forSockets) * fraction));
}

} // namespace pb
