#include "ui/AddressView.h"
#include "ui/LocaleFormat.h"

#include "ui/FormRows.h"
#include "ui/Panes.h"

#include <QFormLayout>
#include <QLabel>
#include <QTreeWidget>

namespace pb::ui {

namespace {
constexpr int kBlockHashRole = Qt::UserRole;
}

AddressView::AddressView(Node& node, QWidget* parent) : QWidget(parent), node_(node)
{
    title_ = makeTitle(tr("Address"), tr("Address title"));
    auto* form = new QFormLayout;
    balance_ = addValueRow(form, tr("Balance"), tr("Confirmed balance"));
    pending_ = addValueRow(form, tr("Pending"), tr("Pending change"));
    nonce_ = addValueRow(form, tr("Nonce"), tr("Address nonce"));
    history_ = new QTreeWidget;
    history_->setAccessibleName(tr("Address history"));
    history_->setHeaderLabels({tr("Transaction"), tr("Direction"), tr("From / to"), tr("Amount"), tr("Status"), tr("Block")});
    history_->setRootIsDecorated(false);
    history_->setColumnWidth(Transaction, 120);
    history_->setColumnWidth(Counterparty, 150);
    history_->setToolTip(tr("Double-click a row or press Enter to go to its block."));
    connect(history_, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        const QString hash = item->data(Block, kBlockHashRole).toString();
        if (!hash.isEmpty()) emit blockRequested(hash);
    });
    fill(this, column({title_, form, history_}, history_), false);
}

void AddressView::load(const QString& address)
{
    Node* node = &node_;
    queries_.runLatest(
        [node, address] {
            Result r;
            r.account = node->account(address, &r.error);
            if (!r.account) return r;
            if (const auto history = node->addressHistory(address, kHistoryRows, &r.error)) r.history = *history;
            else r.account.reset();
            return r;
        },
        [this](const Result& r) {
            if (!r.account) {
                emit notFound(r.error.message);
                return;
            }
            show(r);
            emit loaded(*r.account);
        });
}

void AddressView::show(const Result& r)
{
    const AccountInfo& a = *r.account;
    account_ = a;
    title_->setText(tr("Address %1").arg(a.address));
    balance_->setText(coinsText(a.balance));
    pending_->setText(a.pendingOut == 0 && a.pendingIn == 0
                          ? tr("nothing pending")
                          : tr("+%1 incoming, −%2 in %3 outgoing transfers").arg(coinsText(a.pendingIn), coinsText(a.pendingSpend)).arg(a.pendingOut));
    nonce_->setText(tr("%1 confirmed, next transfer uses %2").arg(a.nonce).arg(a.nextNonce));
    history_->clear();
    for (const TransactionInfo& tx : r.history) {
        const bool outgoing = tx.from == a.address;
        const QString block = tx.blockHash.isEmpty() ? tr("pending") : QString::number(tx.height);
        auto* item = new QTreeWidgetItem({tx.id.left(16) + "…", outgoing ? tr("sent") : tr("received"),
                                          outgoing ? tx.to : (tx.from.isEmpty() ? tx.type : tx.from),
                                          (outgoing ? "−" : "+") + coinsText(tx.amount), tx.status, block});
        item->setToolTip(Transaction, tx.id);
        item->setData(Block, kBlockHashRole, tx.blockHash);
        history_->addTopLevelItem(item);
    }
}

QString AddressView::balanceText() const { return balance_->text(); }

} // namespace pb::ui
