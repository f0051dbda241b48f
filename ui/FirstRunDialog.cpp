#include "ui/FirstRunDialog.h"

#include "ui/WalletDialogs.h"
#include "ui/WalletSession.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace pb::ui {

namespace {
const char* const kSkippedKey = "wallet/firstRunSkipped";
}

bool FirstRunDialog::wanted(const WalletSession& session)
{
    return !session.exists() && session.problem().isEmpty() && !QSettings().value(kSkippedKey, false).toBool();
}

FirstRunDialog::FirstRunDialog(WalletSession& session, QWidget* parent) : QDialog(parent), session_(session)
{
    setWindowTitle(tr("Welcome to Photoblocks"));
    auto* text = new QLabel(tr("<p>This node has no wallet yet.</p><p>A wallet holds the keys of your addresses, "
                               "encrypted with a passphrase. With one, the coins this node mines go to your own "
                               "address, and you can receive and send coins on the Wallet page.</p>"
                               "<p>You can also skip this and create a wallet later on the Wallet page.</p>"));
    text->setWordWrap(true);
    text->setAccessibleName(tr("Explanation"));
    create_ = new QPushButton(tr("Create a wallet…"));
    create_->setAccessibleName(tr("Create a wallet"));
    create_->setDefault(true);
    skip_ = new QPushButton(tr("Skip"));
    skip_->setAccessibleName(tr("Skip creating a wallet"));
    connect(skip_, &QPushButton::clicked, this, [this] {
        QSettings().setValue(kSkippedKey, true);
        reject();
    });
    connect(create_, &QPushButton::clicked, this, [this] {
        createDialog_ = new CreateWalletDialog(session_, this);
        connect(createDialog_, &QDialog::finished, this, [this](int result) {
            createDialog_->deleteLater();
            createDialog_ = nullptr;
            if (result == QDialog::Accepted) accept();
        });
        createDialog_->open();
    });
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(skip_);
    buttons->addWidget(create_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addLayout(buttons);
    resize(460, 240);
}

} // namespace pb::ui
