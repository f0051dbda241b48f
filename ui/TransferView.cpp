#include "ui/TransferView.h"
#include "ui/LocaleFormat.h"

#include "ui/FormRows.h"
#include "ui/Panes.h"

#include <QFormLayout>
#include <QLabel>
#include <QPushButton>

namespace pb::ui {

TransferView::TransferView(Node& node, QWidget* parent) : QWidget(parent), node_(node)
{
    title_ = makeTitle(tr("Transfer"), tr("Transfer title"));
    auto* form = new QFormLayout;
    id_ = addValueRow(form, tr("Id"), tr("Transfer id"));
    type_ = addValueRow(form, tr("Type"), tr("Transfer type"));
    from_ = addValueRow(form, tr("From"), tr("Sender"));
    to_ = addValueRow(form, tr("To"), tr("Recipient"));
    amount_ = addValueRow(form, tr("Amount"), tr("Amount"));
    fee_ = addValueRow(form, tr("Fee"), tr("Fee"));
    nonce_ = addValueRow(form, tr("Nonce"), tr("Transfer nonce"));
    status_ = addValueRow(form, tr("Status"), tr("Transfer status"));
    id_->setWordWrap(true);
    block_ = new QPushButton(tr("Show its block"));
    block_->setAccessibleName(tr("Show the transfer's block"));
    block_->setEnabled(false);
    connect(block_, &QPushButton::clicked, this, [this] {
        if (transfer_ && !transfer_->blockHash.isEmpty()) emit blockRequested(transfer_->blockHash);
    });
    auto* spacer = new QWidget;
    fill(this, column({title_, form, rowWithRight({block_}, {}), spacer}, spacer), false);
}

void TransferView::load(const QString& id)
{
    Node* node = &node_;
    queries_.runLatest(
        [node, id] {
            Result r;
            r.transfer = node->transaction(id, &r.error);
            return r;
        },
        [this](const Result& r) {
            if (!r.transfer) {
                emit notFound(r.error.message);
                return;
            }
            show(*r.transfer);
            emit loaded(*r.transfer);
        });
}

void TransferView::show(const TransactionInfo& t)
{
    transfer_ = t;
    title_->setText(t.type == "coinbase" ? tr("Coinbase %1…").arg(t.id.left(16)) : tr("Transfer %1…").arg(t.id.left(16)));
    id_->setText(t.id);
    type_->setText(t.type);
    from_->setText(t.from.isEmpty() ? tr("— (new coins)") : t.from);
    to_->setText(t.to);
    amount_->setText(coinsText(t.amount));
    fee_->setText(coinsText(t.fee));
    nonce_->setText(QString::number(t.nonce));
    status_->setText(t.status == "confirmed" ? tr("confirmed in block %1").arg(t.height) : tr("pending (in the mempool)"));
    block_->setEnabled(!t.blockHash.isEmpty());
    block_->setText(t.blockHash.isEmpty() ? tr("Not in a block yet") : tr("Show block %1").arg(t.height));
}

} // namespace pb::ui
