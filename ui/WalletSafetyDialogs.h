#pragma once
// The wallet's safety dialogs, each a WalletOperationDialog (the work runs on WalletSession's
// worker thread): restore from a backup file, re-create from recovery words, change the
// passphrase; and the one-time display of a new wallet's recovery words.
#include "ui/WalletDialogs.h"

class QCheckBox;
class QPlainTextEdit;
class QSpinBox;

namespace pb::ui {

class RestoreWalletDialog : public WalletOperationDialog {
    Q_OBJECT
public:
    explicit RestoreWalletDialog(WalletSession& session, QWidget* parent = nullptr);

    QLineEdit* fileBox() const { return file_; }
    QLineEdit* passphraseBox() const { return passphrase_; }
    QCheckBox* replaceBox() const { return replace_; }

protected:
    QString problem() const override;
    void start() override;

private:
    QLineEdit* file_;
    QLineEdit* passphrase_;
    QCheckBox* replace_;
};

class RestoreWordsDialog : public WalletOperationDialog {
    Q_OBJECT
public:
    explicit RestoreWordsDialog(WalletSession& session, QWidget* parent = nullptr);

    QPlainTextEdit* wordsBox() const { return words_; }
    QLineEdit* passphraseBox() const { return passphrase_; }
    QSpinBox* countBox() const { return count_; }

protected:
    QString problem() const override;
    void start() override;

private:
    QPlainTextEdit* words_;
    QLineEdit* passphrase_;
    QLineEdit* repeat_;
    QSpinBox* count_;
};

class ChangePassphraseDialog : public WalletOperationDialog {
    Q_OBJECT
public:
    explicit ChangePassphraseDialog(WalletSession& session, QWidget* parent = nullptr);

    QLineEdit* currentBox() const { return current_; }
    QLineEdit* newBox() const { return next_; }
    QLineEdit* repeatBox() const { return repeat_; }

protected:
    QString problem() const override;
    void start() override;

private:
    QLineEdit* current_;
    QLineEdit* next_;
    QLineEdit* repeat_;
    QLabel* strength_;
};

// Shows a new wallet's words once; it closes only after "I have written them down" is ticked.
class RecoveryWordsDialog : public QDialog {
    Q_OBJECT
public:
    RecoveryWordsDialog(const QStringList& words, QWidget* parent = nullptr);

    QLabel* wordsLabel() const { return words_; }
    QCheckBox* confirmBox() const { return confirm_; }
    QPushButton* closeButton() const { return close_; }
    void reject() override;  // Escape and the window's close button wait for the tick too

private:
    QLabel* words_;
    QCheckBox* confirm_;
    QPushButton* close_;
};

} // namespace pb::ui
