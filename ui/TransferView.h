#pragma once
// One transfer (or coinbase) found by its id in the chain explorer: type, sender, recipient,
// amount, fee, nonce, whether it is confirmed or pending, and a button to its block. Looked up
// on a worker thread; a failed lookup says why.
#include "core/node/Node.h"
#include "ui/BackgroundQueries.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace pb::ui {

class TransferView : public QWidget {
    Q_OBJECT
public:
    explicit TransferView(Node& node, QWidget* parent = nullptr);

    // A transaction id (64 hex digits); emits loaded() or notFound().
    void load(const QString& id);
    std::optional<TransactionInfo> transfer() const { return transfer_; }
    QPushButton* blockButton() const { return block_; }

signals:
    void loaded(const pb::TransactionInfo& transfer);
    void notFound(const QString& reason);
    void blockRequested(const QString& hash);

private:
    struct Result {
        std::optional<TransactionInfo> transfer;
        QueryError error;
    };
    void show(const TransactionInfo& t);

    Node& node_;
    QLabel* title_;
    QLabel* id_;
    QLabel* type_;
    QLabel* from_;
    QLabel* to_;
    QLabel* amount_;
    QLabel* fee_;
    QLabel* nonce_;
    QLabel* status_;
    QPushButton* block_;
    std::optional<TransactionInfo> transfer_;
    BackgroundQueries queries_{this};
};

} // namespace pb::ui
