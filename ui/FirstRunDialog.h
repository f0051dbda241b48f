#pragma once
// Shown at start while the data directory has no wallet.json and the user never chose "skip"
// (remembered in QSettings): create a wallet now (so the node mines to it) or skip.
#include <QDialog>

class QPushButton;

namespace pb::ui {

class CreateWalletDialog;
class WalletSession;

class FirstRunDialog : public QDialog {
    Q_OBJECT
public:
    static bool wanted(const WalletSession& session);

    explicit FirstRunDialog(WalletSession& session, QWidget* parent = nullptr);

    QPushButton* createButton() const { return create_; }
    QPushButton* skipButton() const { return skip_; }
    // The create dialog while it is open (for tests and screen readers' focus), else null.
    CreateWalletDialog* createDialog() const { return createDialog_; }

private:
    WalletSession& session_;
    QPushButton* create_;
    QPushButton* skip_;
    CreateWalletDialog* createDialog_ = nullptr;
};

} // namespace pb::ui
