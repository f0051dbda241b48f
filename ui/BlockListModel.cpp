#include "ui/BlockListModel.h"
#include "ui/LocaleFormat.h"

#include <QDateTime>

namespace pb::ui {

BlockListModel::BlockListModel(Node& node, int pageSize, QObject* parent)
    : QAbstractTableModel(parent), node_(node), pageSize_(std::max(1, pageSize))
{
}

void BlockListModel::setTip(quint64 height, bool ready)
{
    if (!ready) return;
    if (!ready_) {
        beginResetModel();
        ready_ = true;
        tip_ = height;
        endResetModel();
        return;
    }
    if (height > tip_) {
        beginInsertRows({}, 0, int(height - tip_) - 1);
        tip_ = height;
        endInsertRows();
    } else if (height < tip_) {
        beginRemoveRows({}, 0, int(tip_ - height) - 1);
        tip_ = height;
        endRemoveRows();
    }
}

void BlockListModel::blockConnected(quint64 height, const QString& hash)
{
    const auto known = loadedBlock(height);
    if (!known || known->hash == hash) return;
    // A reorganisation replaced this block: forget every cached page from here up.
    for (const quint64 index : pages_.keys())
        if ((index + 1) * quint64(pageSize_) > height) pages_.remove(index);
    if (rowCount() > 0) emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int BlockListModel::rowForHeight(quint64 height) const
{
    return ready_ && height <= tip_ ? int(tip_ - height) : -1;
}

const BlockListModel::Page* BlockListModel::pageFor(quint64 height) const
{
    const quint64 pageIndex = height / quint64(pageSize_);
    const Page* page = pages_.object(pageIndex);
    const bool stale = page && page->tipWhenLoaded < tip_ && height > page->tipWhenLoaded;
    if (!page || stale) request(pageIndex);
    return page;
}

std::optional<BlockInfo> BlockListModel::loadedBlock(quint64 height) const
{
    const Page* page = pages_.object(height / quint64(pageSize_));
    const qsizetype offset = qsizetype(height % quint64(pageSize_));
    if (!page || offset >= page->blocks.size()) return std::nullopt;
    return page->blocks[offset];
}

void BlockListModel::request(quint64 pageIndex) const
{
    if (inFlight_ == pageIndex) return;
    const auto it = std::find(wanted_.begin(), wanted_.end(), pageIndex);
    if (it != wanted_.end()) wanted_.erase(it);
    wanted_.push_back(pageIndex);
    while (wanted_.size() > kMaxWanted) wanted_.pop_front();
    fetchNext();
}

void BlockListModel::fetchNext() const
{
    if (inFlight_ || wanted_.empty()) return;
    const quint64 pageIndex = wanted_.back();
    wanted_.pop_back();
    inFlight_ = pageIndex;
    Node* node = &node_;
    const quint64 tip = tip_;
    const int pageSize = pageSize_;
    queries_.run(
        [node, pageIndex, tip, pageSize] {
            Page page;
            QueryError error;
            page.tipWhenLoaded = tip;
            page.blocks = node->blocksFrom(pageIndex * quint64(pageSize), pageSize, &error);
            if (page.blocks.isEmpty()) page.error = error.message;
            for (const BlockInfo& block : page.blocks) {
                if (block.photoHash.isEmpty()) continue;
                QImage image;
                if (const auto bytes = node->thumbnail(block.photoHash); bytes && image.loadFromData(*bytes))
                    page.thumbnails.insert(block.photoHash, image.scaledToHeight(kThumbnailHeight, Qt::SmoothTransformation));
            }
            return page;
        },
        [this, pageIndex](Page page) { const_cast<BlockListModel*>(this)->pageArrived(pageIndex, std::move(page)); });
}

void BlockListModel::pageArrived(quint64 pageIndex, Page page)
{
    inFlight_.reset();
    ++pagesFetched_;
    if (page.tipWhenLoaded > tip_) page.tipWhenLoaded = tip_;
    const quint64 first = pageIndex * quint64(pageSize_);
    pages_.insert(pageIndex, new Page(std::move(page)));
    if (ready_ && first <= tip_) {
        const quint64 last = std::min(tip_, first + quint64(pageSize_) - 1);
        emit dataChanged(index(rowForHeight(last), 0), index(rowForHeight(first), ColumnCount - 1));
    }
    emit pageLoaded(first);
    fetchNext();
}

int BlockListModel::rowCount(const QModelIndex& parent) const { return parent.isValid() || !ready_ ? 0 : int(tip_ + 1); }
int BlockListModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant BlockListModel::display(const BlockInfo& b, int column) const
{
    switch (column) {
    case Height: return QString::number(b.height);
    case Time: return dateTimeText(QDateTime::fromSecsSinceEpoch(b.time));
    case Hash: return b.hash.left(16) + "…";
    case Label: return b.label.isEmpty() ? QString() : b.label;
    case Votes:
        return b.votes ? tr("%1 / %2 / %3").arg(b.votes->agree).arg(b.votes->disagree).arg(b.votes->abstain) : QString();
    case Transactions: return QString::number(b.transactions.size());
    case Size: return numberText(qint64(b.sizeBytes));
    }
    return {};
}

QVariant BlockListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const quint64 height = heightForRow(index.row());
    if (role == HeightRole) return height;
    if (role == Qt::TextAlignmentRole && index.column() != Hash && index.column() != Label && index.column() != Time)
        return QVariant::fromValue(Qt::AlignVCenter | Qt::AlignRight);
    if (role != Qt::DisplayRole && role != Qt::DecorationRole && role != Qt::ToolTipRole) return {};
    const Page* page = pageFor(height);
    const auto block = loadedBlock(height);
    if (!block) {
        if (role != Qt::DisplayRole) return {};
        if (index.column() == Height) return QString::number(height);
        if (page && !page->error.isEmpty() && index.column() == Hash) return tr("unavailable: %1").arg(page->error);
        return index.column() == Hash ? QStringLiteral("…") : QVariant();
    }
    if (role == Qt::DecorationRole)
        return index.column() == Photo && !block->photoHash.isEmpty() ? QVariant(page->thumbnails.value(block->photoHash)) : QVariant();
    if (role == Qt::ToolTipRole) {
        if (index.column() == Hash) return block->hash;
        if (index.column() == Votes) return tr("agree / disagree / abstain");
        return {};
    }
    return display(*block, index.column());
}

QVariant BlockListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Photo: return tr("Photo");
    case Height: return tr("Height");
    case Time: return tr("Time");
    case Hash: return tr("Hash");
    case Label: return tr("Label");
    case Votes: return tr("Votes");
    case Transactions: return tr("Tx");
    case Size: return tr("Bytes");
    }
    return {};
}

} // namespace pb::ui
