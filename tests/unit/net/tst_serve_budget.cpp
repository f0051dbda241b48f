// ServeBudget alone: a peer within its budget is served at once and charged what serving cost;
// in debt its requests are held in order, a few at most, then refused; held requests are
// served oldest first as the budget refills; a peer's held requests go with it. The clock is
// passed in.
#include "core/net/ServeBudget.h"

#include <QtTest>

#include <vector>

using namespace pb::net;

class ServeBudgetTest : public QObject {
    Q_OBJECT

    static ServeLimits smallLimits()
    {
        ServeLimits limits;
        limits.bytesPerSecond = 1000;
        limits.burstBytes = 1000;
        limits.maxHeldRequests = 2;
        return limits;
    }

private slots:
    void servesWithinBudgetThenHoldsThenRefuses()
    {
        ServeBudget budget(smallLimits());
        std::vector<int> served;
        const auto request = [&](int n, double cost) {
            return [&served, n, cost] {
                served.push_back(n);
                return cost;
            };
        };
        QCOMPARE(budget.submit(1, 0, request(1, 600)), ServeBudget::Outcome::Served);
        QCOMPARE(budget.submit(1, 0, request(2, 600)), ServeBudget::Outcome::Served);  // 400 left: still within
        QCOMPARE(budget.submit(1, 0, request(3, 600)), ServeBudget::Outcome::Held);    // -200: in debt
        QCOMPARE(budget.submit(1, 0, request(4, 600)), ServeBudget::Outcome::Held);
        QCOMPARE(budget.submit(1, 0, request(5, 600)), ServeBudget::Outcome::Refused);
        QCOMPARE(served, (std::vector<int>{1, 2}));
        QCOMPARE(budget.heldFor(1), size_t(2));
        // Another peer has its own budget.
        QCOMPARE(budget.submit(2, 0, request(20, 600)), ServeBudget::Outcome::Served);
        QCOMPARE(served, (std::vector<int>{1, 2, 20}));
    }

    void heldRequestsAreServedOldestFirstAsTheBudgetRefills()
    {
        ServeBudget budget(smallLimits());
        std::vector<int> served;
        const auto request = [&](int n) {
            return [&served, n] {
                served.push_back(n);
                return 1200.0;
            };
        };
        budget.submit(1, 0, request(1));  // -200
        budget.submit(1, 0, request(2));
        budget.submit(1, 0, request(3));
        budget.serveHeld(100);  // refilled 100: still in debt
        QCOMPARE(served, (std::vector<int>{1}));
        budget.serveHeld(200);  // back to 0: one more, then -1200 again
        QCOMPARE(served, (std::vector<int>{1, 2}));
        // While requests are held, a new one queues behind them even with the budget refilled.
        QCOMPARE(budget.submit(1, 1400, request(4)), ServeBudget::Outcome::Held);
        budget.serveHeld(1400);
        QCOMPARE(served, (std::vector<int>{1, 2, 3}));
        budget.serveHeld(3000);
        QCOMPARE(served, (std::vector<int>{1, 2, 3, 4}));
        QCOMPARE(budget.heldFor(1), size_t(0));
    }

    void aGonePeersHeldRequestsAreDropped()
    {
        ServeBudget budget(smallLimits());
        int served = 0;
        const auto request = [&served] {
            ++served;
            return 5000.0;
        };
        budget.submit(7, 0, request);
        budget.submit(7, 0, request);
        QCOMPARE(budget.heldFor(7), size_t(1));
        budget.forget(7);
        budget.serveHeld(60'000);
        QCOMPARE(served, 1);
        QCOMPARE(budget.heldFor(7), size_t(0));
    }
};

QTEST_APPLESS_MAIN(ServeBudgetTest)
#include "tst_serve_budget.moc"
