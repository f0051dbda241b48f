#pragma once
// A token bucket that may go into debt: every charge is taken, even one the bucket cannot
// cover, so a sender that keeps pushing past its allowance digs deeper instead of being let
// through again after each refill. Time is passed in so tests need not sleep.
#include <QtGlobal>

namespace pb::net {

class TokenBucket {
public:
    // capacity tokens to start with, refilled at ratePerSecond up to capacity.
    // A rate <= 0 makes the bucket unlimited: every charge is covered.
    TokenBucket(double ratePerSecond, double capacity, qint64 nowMs);

    // Takes `cost` tokens, prepaid ones first; true when the bucket held them before the charge.
    bool charge(double cost, qint64 nowMs);
    // Tokens for traffic we asked for, spent before the refilled ones; at most `limit` are held.
    void prepay(double tokens, double limit);
    // Current tokens, negative while in debt.
    double level(qint64 nowMs);
    bool unlimited() const { return rate_ <= 0; }
    double capacity() const { return capacity_; }

private:
    void refill(qint64 nowMs);

    double rate_;
    double capacity_;
    double tokens_;
    double prepaid_ = 0;
    qint64 lastMs_;
};

} // namespace pb::net
