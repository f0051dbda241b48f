#pragma once
// The wallet's small dialogs. Each runs one WalletSession operation (on its worker thread),
// stays open while it runs, shows the error in its own words when it fails, and closes on
// success: create a wallet, unlock it, label a new address.
#include "ui/WalletSession.h"

#include <QDialog>

class QDialogButtonBox;
class QLayout;
class QPushButton;
class QLabel;
class QLineEdit;

namespace pb::ui {

// "too short", "weak", "fair" or "strong", with why, for a passphrase being typed.
QString passphraseStrengthHint(const QString& passphrase);

class WalletOperationDialog : public QDialog {
    Q_OBJECT
public:
    QLabel* errorLabel() const { return error_; }
    QPushButton* okButton() const;

protected:
    WalletOperationDialog(WalletSession& session, WalletSession::Operation operation, const QString& okText, QWidget* parent);
    // Adds the error line and the buttons under `form` content; call last in the constructor.
    void finishLayout(QLayout* content);
    // Checks the fields (a problem in words, or empty) and starts the operation.
    virtual QString problem() const = 0;
    virtual void start() = 0;

    WalletSession& session_;

private:
    void submit();
    void onFinished(WalletSession::Operation operation, const QString& error);

    WalletSession::Operation operation_;
    QLabel* error_;
    QDialogButtonBox* buttons_;
    bool waiting_ = false;
};

class CreateWalletDialog : public WalletOperationDialog {
    Q_OBJECT
public:
    explicit CreateWalletDialog(WalletSession& session, QWidget* parent = nullptr);

    QLineEdit* passphraseBox() const { return passphrase_; }
    QLineEdit* repeatBox() const { return repeat_; }
    QLineEdit* labelBox() const { return label_; }
    QLabel* strengthLabel() const { return strength_; }

protected:
    QString problem() const override;
    void start() override;

private:
    QLineEdit* passphrase_;
    QLineEdit* repeat_;
    QLabel* strength_;
    QLineEdit* label_;
};

class UnlockWalletDialog : public WalletOperationDialog {
    Q_OBJECT
public:
    explicit UnlockWalletDialog(WalletSession& session, QWidget* parent = nullptr);

    QLineEdit* passphraseBox() const { return passphrase_; }

protected:
    QString problem() const override;
    void start() override;

private:
    QLineEdit* passphrase_;
};

class NewAddressDialog : public WalletOperationDialog {
    Q_OBJECT
public:
    explicit NewAddressDialog(WalletSession& session, QWidget* parent = nullptr);

    QLineEdit* labelBox() const { return label_; }

protected:
    QString problem() const override;
    void start() override;

private:
    QLineEdit* label_;
};

} // namespace pb::ui
