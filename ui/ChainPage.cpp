#include "ui/ChainPage.h"

#include "ui/BlockDetailView.h"
#include "ui/BlockListModel.h"
#include "ui/Panes.h"
#include "ui/TableViews.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSplitter>
#include <QTableView>

namespace pb::ui {

ChainPage::ChainPage(Node& node, QWidget* parent) : QWidget(parent)
{
    model_ = new BlockListModel(node, BlockListModel::kDefaultPageSize, this);
    view_ = makeTableView(model_, tr("Blocks"));
    view_->verticalHeader()->setDefaultSectionSize(BlockListModel::kThumbnailHeight + 6);
    view_->setIconSize(QSize(BlockListModel::kThumbnailHeight * 2, BlockListModel::kThumbnailHeight));
    view_->setColumnWidth(BlockListModel::Photo, BlockListModel::kThumbnailHeight * 2 + 12);
    view_->setColumnWidth(BlockListModel::Height, 60);
    view_->setColumnWidth(BlockListModel::Time, 120);
    view_->setColumnWidth(BlockListModel::Hash, 130);
    view_->setColumnWidth(BlockListModel::Label, 50);
    view_->setColumnWidth(BlockListModel::Votes, 70);
    view_->setColumnWidth(BlockListModel::Transactions, 30);

    search_ = new QLineEdit;
    search_->setPlaceholderText(tr("Go to a block: height or hash, then Enter"));
    search_->setAccessibleName(tr("Block search"));
    search_->setClearButtonEnabled(true);
    connect(search_, &QLineEdit::returnPressed, this, [this] { search(search_->text()); });
    message_ = new QLabel;
    message_->setAccessibleName(tr("Chain page message"));

    detail_ = new BlockDetailView(node);
    connect(view_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& current) {
        if (current.isValid()) detail_->load(QString::number(current.data(BlockListModel::HeightRole).toULongLong()));
    });
    connect(detail_, &BlockDetailView::notFound, this, [this](const QString& reason) { message_->setText(reason); });
    connect(detail_, &BlockDetailView::loaded, this, [this](const BlockInfo& block) {
        message_->clear();
        const int row = model_->rowForHeight(block.height);
        if (row >= 0 && view_->currentIndex().row() != row) selectHeight(block.height);
    });

    QSplitter* split = panes(Qt::Horizontal, column({search_, message_, view_}, view_), detail_);
    split->setSizes({600, 400});
    fill(this, split);
}

void ChainPage::refresh(const NodeStatus& status) { model_->setTip(status.height, status.ready); }

void ChainPage::blockConnected(quint64 height, const QString& hash) { model_->blockConnected(height, hash); }

void ChainPage::search(const QString& text)
{
    const QString query = text.trimmed();
    static const QRegularExpression height("^[0-9]{1,20}$"), hash("^[0-9a-fA-F]{64}$");
    if (height.match(query).hasMatch()) {
        bool ok = false;
        const quint64 h = query.toULongLong(&ok);
        if (!ok || model_->rowForHeight(h) < 0) {
            message_->setText(tr("No block at height %1; the chain is %2 blocks high.").arg(query).arg(model_->rowCount() - 1));
            return;
        }
        selectHeight(h);
        return;
    }
    if (!hash.match(query).hasMatch()) {
        message_->setText(tr("Type a block height or a 64-digit block hash."));
        return;
    }
    message_->setText(tr("Looking up %1…").arg(query.left(16)));
    detail_->load(query.toLower());
}

void ChainPage::selectHeight(quint64 height)
{
    const QModelIndex index = model_->index(model_->rowForHeight(height), BlockListModel::Height);
    view_->setCurrentIndex(index);
    view_->scrollTo(index, QAbstractItemView::PositionAtCenter);
}

QString ChainPage::message() const { return message_->text(); }

} // namespace pb::ui
