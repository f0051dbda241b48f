#include "core/net/TokenBucket.h"

#include <algorithm>

namespace pb::net {

TokenBucket::TokenBucket(double ratePerSecond, double capacity, qint64 nowMs)
    : rate_(ratePerSecond), capacity_(capacity), tokens_(capacity), lastMs_(nowMs)
{
}

void TokenBucket::refill(qint64 nowMs)
{
    if (nowMs > lastMs_) {
        tokens_ = std::min(capacity_, tokens_ + rate_ * double(nowMs - lastMs_) / 1000.0);
        lastMs_ = nowMs;
    }
}

bool TokenBucket::charge(double cost, qint64 nowMs)
{
    if (unlimited())
        return true;
    if (prepaid_ >= cost) {
        prepaid_ -= cost;
        return true;
    }
    refill(nowMs);
    const bool covered = tokens_ >= cost;
    tokens_ -= cost;
    return covered;
}

void TokenBucket::prepay(double tokens, double limit)
{
    prepaid_ = std::min(limit, prepaid_ + tokens);
}

double TokenBucket::level(qint64 nowMs)
{
    refill(nowMs);
    return tokens_;
}

} // namespace pb::net
