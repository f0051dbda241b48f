#include "ui/AboutDialog.h"

#include "ui/FormRows.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QIcon>
#include <QLabel>
#include <QProcess>
#include <QRegularExpression>
#include <QVBoxLayout>
#include <openssl/crypto.h>
#include <opencv2/core/version.hpp>

namespace pb::ui {

AboutDialog::AboutDialog(QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("About Photoblocks"));
    auto* icon = new QLabel;
    icon->setPixmap(QIcon(":/photoblocks.svg").pixmap(64, 64));
    auto* title = new QLabel(tr("<h2>Photoblocks %1</h2><p>A proof-of-work blockchain whose blocks are photographs: "
                                "desktop node and miner.</p>").arg(PB_VERSION));
    title->setWordWrap(true);

    auto* form = new QFormLayout;
    addValueRow(form, tr("Qt"), tr("Qt version"))->setText(qVersion());
    addValueRow(form, tr("OpenSSL"), tr("OpenSSL version"))->setText(OpenSSL_version(OPENSSL_VERSION));
    addValueRow(form, tr("OpenCV"), tr("OpenCV version"))->setText(CV_VERSION);
    redis_ = addValueRow(form, tr("Redis"), tr("Redis version"));
    redis_->setText(tr("asking redis-server…"));
    auto* versionsBox = new QWidget;
    versionsBox->setLayout(form);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(icon, 0, Qt::AlignHCenter);
    layout->addWidget(title);
    layout->addWidget(versionsBox);
    layout->addWidget(buttons);
    askRedisVersion();
}

void AboutDialog::askRedisVersion()
{
    auto* process = new QProcess(this);
    connect(process, &QProcess::finished, this, [this, process] {
        const QString out = QString::fromUtf8(process->readAllStandardOutput());
        const auto match = QRegularExpression("v=(\\S+)").match(out);
        redis_->setText(match.hasMatch() ? match.captured(1) : tr("unknown (%1)").arg(out.trimmed().left(60)));
        process->deleteLater();
    });
    connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError) {
        redis_->setText(tr("redis-server not found: %1").arg(process->errorString()));
    });
    process->start("redis-server", {"--version"});
}

QString AboutDialog::versionsText() const
{
    QStringList lines;
    for (const QLabel* label : findChildren<QLabel*>())
        if (!label->accessibleName().isEmpty()) lines << label->accessibleName() + ": " + label->text();
    return lines.join('\n');
}

} // namespace pb::ui
