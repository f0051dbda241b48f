#include "core/net/TokenBucket.h"

#include <algorithm>

namespace pb::net {

TokenBucket::TokenBucket(double ratePerSecond, double capacity, qint64 nowMs)
    : m_rate(ratePerSecond), m_capacity(capacity), m_tokens(capacity), m_lastMs(nowMs)
{
}

void TokenBucket::refill(qint64 nowMs)
{
    if (nowMs > m_lastMs) {
        m_tokens = std::min(m_capacity, m_tokens + m_rate * double(nowMs - m_lastMs) / 1000.0);
        m_lastMs = nowMs;
    }
}

bool TokenBucket::charge(double cost, qint64 nowMs)
{
    if (unlimited())
        return true;
    if (m_prepaid >= cost) {
        m_prepaid -= cost;
        return true;
    }
    refill(nowMs);
    const bool covered = m_tokens >= cost;
    m_tokens -= cost;
    return covered;
}

void TokenBucket::prepay(double tokens, double limit)
{
    m_prepaid = std::min(limit, m_prepaid + tokens);
}

double TokenBucket::level(qint64 nowMs)
{
    refill(nowMs);
    return m_tokens;
}

} // namespace pb::net
