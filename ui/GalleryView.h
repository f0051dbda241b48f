#pragma once
// The chain explorer's gallery: the photos of the newest kScannedBlocks blocks as a grid of
// thumbnails with their labels, newest first, narrowed by a label search. Blocks and
// thumbnails are read off the GUI thread (BackgroundQueries) and only while the gallery is
// shown; thumbnails already shown are not read again.
#include "core/node/Node.h"
#include "ui/BackgroundQueries.h"

#include <QHash>
#include <QImage>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class QSortFilterProxyModel;
class QStandardItemModel;

namespace pb::ui {

class GalleryView : public QWidget {
    Q_OBJECT
public:
    // How far back the gallery looks: a bound on what one refresh reads.
    static constexpr quint64 kScannedBlocks = 500;
    static constexpr int kHeightRole = Qt::UserRole + 1;
    static constexpr int kHashRole = Qt::UserRole + 2;

    explicit GalleryView(Node& node, QWidget* parent = nullptr);

    // Reads the photos up to this tip (when shown and the tip moved).
    void refresh(quint64 tipHeight);
    // Case-insensitive: labels containing `text`; empty shows every photo.
    void searchLabel(const QString& text);

    QListView* view() const { return view_; }
    QLineEdit* searchBox() const { return search_; }
    QLabel* summaryLabel() const { return summary_; }
    int photoCount() const;     // photos read
    int shownCount() const;     // photos matching the search

signals:
    void loaded();                          // a refresh reached the grid
    void blockRequested(const QString& hash);  // a photo was activated

protected:
    void showEvent(QShowEvent* event) override;

private:
    struct Photo {
        quint64 height = 0;
        QString hash, label, photoHash;
        QImage thumbnail;
    };
    struct Answer {
        QList<Photo> photos;
        QString error;
    };
    void show(const Answer& answer);
    void showSummary();

    Node& node_;
    QStandardItemModel* model_;
    QSortFilterProxyModel* proxy_;
    QListView* view_;
    QLineEdit* search_;
    QLabel* summary_;
    quint64 tip_ = 0;
    std::optional<quint64> loadedTip_;
    bool queried_ = false;
    QHash<QString, QImage> thumbnails_;  // photo hash -> thumbnail, of the photos shown
    BackgroundQueries queries_{this};
};

} // namespace pb::ui
