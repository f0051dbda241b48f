#include "ui/ChainPage.h"

#include "ui/AddressView.h"
#include "ui/BlockDetailView.h"
#include "ui/BlockListModel.h"
#include "ui/GalleryView.h"
#include "ui/Panes.h"
#include "ui/TableViews.h"
#include "ui/TransferView.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <utility>

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
    search_->setPlaceholderText(tr("Search: block height or hash, transfer id or pb1… address, then Enter"));
    search_->setAccessibleName(tr("Chain search"));
    search_->setClearButtonEnabled(true);
    connect(search_, &QLineEdit::returnPressed, this, [this] { search(search_->text()); });
    message_ = new QLabel;
    message_->setAccessibleName(tr("Chain page message"));
    message_->setWordWrap(true);
    // A message naming a 64-digit id must not widen the window: the id cannot wrap.
    message_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    detail_ = new BlockDetailView(node);
    connect(view_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& current) {
        if (current.isValid()) detail_->load(QString::number(current.data(BlockListModel::HeightRole).toULongLong()));
    });
    connect(detail_, &BlockDetailView::notFound, this, [this](const QString& reason) {
        if (transferCandidate_.isEmpty()) {
            message_->setText(reason);
            return;
        }
        transfer_->load(std::exchange(transferCandidate_, {}));
    });
    connect(detail_, &BlockDetailView::loaded, this, [this] {
        transferCandidate_.clear();
        message_->clear();
        showView(detail_);
        shownBlockUnlisted_ = true;
        selectShownBlockWhenListed();
    });

    transfer_ = new TransferView(node);
    connect(transfer_, &TransferView::loaded, this, [this] {
        message_->clear();
        showView(transfer_);
    });
    connect(transfer_, &TransferView::notFound, this, [this](const QString& reason) {
        message_->setText(tr("No block has this hash and no transfer this id (%1).").arg(reason));
    });
    address_ = new AddressView(node);
    connect(address_, &AddressView::loaded, this, [this] {
        message_->clear();
        showView(address_);
    });
    connect(address_, &AddressView::notFound, this, [this](const QString& reason) { message_->setText(reason); });
    const auto showBlock = [this](const QString& hash) { detail_->load(hash); };
    connect(transfer_, &TransferView::blockRequested, this, showBlock);
    connect(address_, &AddressView::blockRequested, this, showBlock);

    views_ = new QStackedWidget;
    for (QWidget* v : {static_cast<QWidget*>(detail_), static_cast<QWidget*>(transfer_), static_cast<QWidget*>(address_)})
        views_->addWidget(v);

    QSplitter* split = panes(Qt::Horizontal, column({search_, message_, view_}, view_), views_);
    split->setSizes({600, 400});
    gallery_ = new GalleryView(node);
    tabs_ = new QTabWidget;
    tabs_->addTab(split, tr("Blocks"));
    tabs_->addTab(gallery_, tr("Gallery"));
    connect(gallery_, &GalleryView::blockRequested, this, [this](const QString& hash) {
        tabs_->setCurrentIndex(0);
        detail_->load(hash);
    });
    fill(this, tabs_);
}

void ChainPage::refresh(const NodeStatus& status)
{
    model_->setTip(status.height, status.ready);
    if (status.ready) gallery_->refresh(status.height);
    selectShownBlockWhenListed();
}

void ChainPage::blockConnected(quint64 height, const QString& hash)
{
    model_->blockConnected(height, hash);
    selectShownBlockWhenListed();
}

void ChainPage::selectShownBlockWhenListed()
{
    const auto block = detail_->block();
    if (!shownBlockUnlisted_ || !block || views_->currentWidget() != detail_) return;
    const int row = model_->rowForHeight(block->height);
    if (row < 0) return;
    shownBlockUnlisted_ = false;
    if (view_->currentIndex().row() != row) selectHeight(block->height);
}

void ChainPage::search(const QString& text)
{
    const QString query = text.trimmed();
    static const QRegularExpression height("^[0-9]{1,20}$"), hash("^[0-9a-fA-F]{64}$"),
        address("^pb1[0-9a-z]+$", QRegularExpression::CaseInsensitiveOption);
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
    if (address.match(query).hasMatch()) {
        message_->setText(tr("Looking up %1…").arg(query.left(16)));
        transferCandidate_.clear();
        address_->load(query.toLower());
        return;
    }
    if (!hash.match(query).hasMatch()) {
        message_->setText(tr("Type a block height, a 64-digit block hash or transfer id, or a pb1… address."));
        return;
    }
    message_->setText(tr("Looking up %1…").arg(query.left(16)));
    transferCandidate_ = query.toLower();
    detail_->load(transferCandidate_);
}

void ChainPage::showView(QWidget* view) { views_->setCurrentWidget(view); }

QWidget* ChainPage::shownView() const { return views_->currentWidget(); }

void ChainPage::selectHeight(quint64 height)
{
    const QModelIndex index = model_->index(model_->rowForHeight(height), BlockListModel::Height);
    view_->setCurrentIndex(index);
    view_->scrollTo(index, QAbstractItemView::PositionAtCenter);
}

QString ChainPage::message() const { return message_->text(); }

} // namespace pb::ui
