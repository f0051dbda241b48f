#pragma once
// The whole active chain as a lazy table, newest block first (row 0 is the tip). Rows cost
// nothing until shown: data() for a block not yet loaded asks the node for its page of blocks
// (with photo thumbnails) on a worker thread and shows "…" meanwhile. At most one
// page is in flight; the most recently wanted page goes next, and only the newest few
// requests are kept, so flinging the scroll bar through 100,000 blocks loads only where it
// stops. Loaded pages live in a small cache.
#include "core/node/Node.h"
#include "ui/BackgroundQueries.h"

#include <QAbstractTableModel>
#include <QCache>
#include <QHash>
#include <QImage>
#include <deque>
#include <optional>

namespace pb::ui {

class BlockListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Photo, Height, Time, Hash, Label, Votes, Transactions, Size, ColumnCount };
    static constexpr int HeightRole = Qt::UserRole;
    static constexpr int kDefaultPageSize = 50;
    static constexpr int kCachedPages = 60;
    static constexpr size_t kMaxWanted = 4;  // older requests are forgotten: the view has moved on
    static constexpr int kThumbnailHeight = 40;

    explicit BlockListModel(Node& node, int pageSize = kDefaultPageSize, QObject* parent = nullptr);

    // The node's chain height; rows appear (or, after a reorganisation to a lower tip, go).
    void setTip(quint64 height, bool ready);
    // A connected block: cached pages from its height on are dropped if they disagree.
    void blockConnected(quint64 height, const QString& hash);

    quint64 heightForRow(int row) const { return tip_ - quint64(row); }
    int rowForHeight(quint64 height) const;
    // The block at this height if its page is loaded.
    std::optional<BlockInfo> loadedBlock(quint64 height) const;
    int pagesFetched() const { return pagesFetched_; }
    bool fetching() const { return inFlight_.has_value(); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

signals:
    void pageLoaded(quint64 firstHeight);

private:
    struct Page {
        QList<BlockInfo> blocks;
        QHash<QString, QImage> thumbnails;  // photo hash -> scaled thumbnail
        quint64 tipWhenLoaded = 0;
        QString error;
    };
    const Page* pageFor(quint64 height) const;
    void request(quint64 pageIndex) const;
    void fetchNext() const;
    void pageArrived(quint64 pageIndex, Page page);
    QVariant display(const BlockInfo& block, int column) const;

    Node& node_;
    const int pageSize_;
    quint64 tip_ = 0;
    bool ready_ = false;
    // Caching and fetching happen inside const data(), as the view asks.
    mutable QCache<quint64, Page> pages_{kCachedPages};
    mutable std::deque<quint64> wanted_;  // page indexes, most recent last
    mutable std::optional<quint64> inFlight_;
    mutable BackgroundQueries queries_{this};
    int pagesFetched_ = 0;
};

} // namespace pb::ui
