#pragma once
// Chain explorer: every block of the active chain, newest first, with photo thumbnails
// (a lazy model, smooth however long the chain), the selected block in detail, and a search
// by height, block hash, transfer id (a 64-digit id that is no block) or "pb1…" address,
// whose transfer and address views link back to blocks. A second tab, the gallery, shows the
// newest blocks' photos as a grid searchable by label; activating a photo shows its block.
#include "core/node/Node.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QStackedWidget;
class QTabWidget;
class QTableView;

namespace pb::ui {

class AddressView;
class BlockDetailView;
class BlockListModel;
class GalleryView;
class TransferView;

class ChainPage : public QWidget {
    Q_OBJECT
public:
    explicit ChainPage(Node& node, QWidget* parent = nullptr);

    void refresh(const NodeStatus& status);
    void blockConnected(quint64 height, const QString& hash);
    // A height or a 64-digit hash selects the block and shows it; a 64-digit id that is no
    // block shows that transfer; a "pb1…" address shows its account. Otherwise says why not.
    void search(const QString& text);

    BlockListModel* model() const { return model_; }
    QTableView* view() const { return view_; }
    BlockDetailView* detail() const { return detail_; }
    TransferView* transferView() const { return transfer_; }
    AddressView* addressView() const { return address_; }
    // The view shown beside the list: detail(), transferView() or addressView().
    QWidget* shownView() const;
    QLineEdit* searchBox() const { return search_; }
    GalleryView* gallery() const { return gallery_; }
    QTabWidget* tabs() const { return tabs_; }  // Blocks, Gallery
    QString message() const;

private:
    void selectHeight(quint64 height);
    // Selects the shown block's row once the list has grown to it (it may be newer than the
    // list's tip when shown from a transfer or an address).
    void selectShownBlockWhenListed();
    void showView(QWidget* view);

    BlockListModel* model_;
    QTableView* view_;
    QStackedWidget* views_;
    BlockDetailView* detail_;
    TransferView* transfer_;
    AddressView* address_;
    QString transferCandidate_;  // a searched 64-digit id to try as a transfer if it is no block
    bool shownBlockUnlisted_ = false;  // the detail view shows a block above the list's tip
    QLineEdit* search_;
    QLabel* message_;
    GalleryView* gallery_;
    QTabWidget* tabs_;
};

} // namespace pb::ui
