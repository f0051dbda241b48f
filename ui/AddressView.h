#pragma once
// An address in the chain explorer: confirmed balance, what pending transfers add and take,
// its nonce, and its history (pending first, then newest first); activating a history row
// (double-click or Enter) asks for its block. Looked up on a worker thread.
#include "core/node/Node.h"
#include "ui/BackgroundQueries.h"

#include <QWidget>

class QLabel;
class QTreeWidget;

namespace pb::ui {

class AddressView : public QWidget {
    Q_OBJECT
public:
    static constexpr int kHistoryRows = 200;
    enum HistoryColumn { Transaction, Direction, Counterparty, Amount, Status, Block };

    explicit AddressView(Node& node, QWidget* parent = nullptr);

    // A bech32m "pb1…" address; emits loaded() or notFound().
    void load(const QString& address);
    std::optional<AccountInfo> account() const { return account_; }
    QTreeWidget* history() const { return history_; }
    QString balanceText() const;

signals:
    void loaded(const pb::AccountInfo& account);
    void notFound(const QString& reason);
    void blockRequested(const QString& hash);

private:
    struct Result {
        std::optional<AccountInfo> account;
        QList<TransactionInfo> history;
        QueryError error;
    };
    void show(const Result& r);

    Node& node_;
    QLabel* title_;
    QLabel* balance_;
    QLabel* pending_;
    QLabel* nonce_;
    QTreeWidget* history_;
    std::optional<AccountInfo> account_;
    BackgroundQueries queries_{this};
};

} // namespace pb::ui
