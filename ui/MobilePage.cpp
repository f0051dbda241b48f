#include "ui/MobilePage.h"
#include "ui/LocaleFormat.h"

#include "ui/FormRows.h"
#include "ui/GuiSettings.h"
#include "ui/MiningJobModel.h"
#include "ui/Panes.h"
#include "ui/QrCode.h"
#include "ui/TableViews.h"

#include <QCheckBox>
#include <QDateTime>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTableView>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace pb::ui {

namespace {

constexpr int kDefaultRestPort = 8645;
constexpr int kDeviceRereadMs = 2000;

QString timeText(qint64 secondsSinceEpoch)
{
    return dateTimeText(QDateTime::fromSecsSinceEpoch(secondsSinceEpoch));
}

QGroupBox* group(const QString& title, QWidget* content)
{
    auto* box = new QGroupBox(title);
    auto* layout = new QVBoxLayout(box);
    layout->addWidget(content);
    return box;
}

} // namespace

MobilePage::MobilePage(Node& node, QWidget* parent) : QWidget(parent), node_(node)
{
    devices_ = new QTreeWidget;
    devices_->setAccessibleName(tr("Paired devices"));
    devices_->setHeaderLabels({tr("Name"), tr("Device id"), tr("Paired at")});
    devices_->setRootIsDecorated(false);
    devices_->setColumnWidth(DeviceName, 160);
    devices_->setColumnWidth(DeviceId, 150);
    revoke_ = new QPushButton(tr("&Revoke"));
    revoke_->setAccessibleName(tr("Revoke the selected device"));
    revoke_->setEnabled(false);
    connect(revoke_, &QPushButton::clicked, this, &MobilePage::revokeSelected);
    message_ = new QLabel;
    message_->setAccessibleName(tr("Mobile page message"));
    message_->setWordWrap(true);
    QWidget* deviceColumn = column({devices_, rowWithRight({message_}, {revoke_})}, devices_);

    jobs_ = new MiningJobModel(this);
    mobileJobs_ = new QSortFilterProxyModel(this);
    mobileJobs_->setSourceModel(jobs_);
    // What came through the API: not this window's own jobs, nor the watched photo folder's.
    mobileJobs_->setFilterKeyColumn(MiningJobModel::Source);
    mobileJobs_->setFilterRegularExpression(QRegularExpression("^(?!gui:|folder:)"));
    QTableView* jobView = makeTableView(mobileJobs_, tr("Mobile mining jobs"));
    jobView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    jobView->horizontalHeader()->setSectionResizeMode(MiningJobModel::Outcome, QHeaderView::Stretch);

    QWidget* left = column({createRestBox(), createPairingBox()});
    QSplitter* right = panes(Qt::Vertical, group(tr("Paired devices"), deviceColumn), group(tr("Mobile job queue"), jobView));
    fill(this, panes(Qt::Horizontal, left, right));
    setApi(nullptr, 0, false);

    // Phones pair through the API, not through this window: re-read the list while it is shown.
    auto* reread = new QTimer(this);
    connect(reread, &QTimer::timeout, this, [this] {
        if (isVisible()) reloadDevices();
    });
    reread->start(kDeviceRereadMs);
}

QWidget* MobilePage::createRestBox()
{
    apiState_ = new QLabel;
    apiState_->setAccessibleName(tr("REST API state"));
    apiState_->setWordWrap(true);
    apiState_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    const RestApiSettings saved = GuiSettings().restApi();
    restEnabled_ = new QCheckBox(tr("&Serve the REST API (phones need it)"));
    restEnabled_->setAccessibleName(tr("Serve the REST API"));
    restEnabled_->setChecked(saved.port > 0);
    restPort_ = new QSpinBox;
    restPort_->setAccessibleName(tr("REST API port"));
    restPort_->setRange(1, 65535);
    restPort_->setValue(saved.port > 0 ? saved.port : kDefaultRestPort);
    listenAll_ = new QCheckBox(tr("Listen on &all interfaces, so phones on the LAN reach it"));
    listenAll_->setAccessibleName(tr("Listen on all interfaces"));
    listenAll_->setChecked(saved.listenAll);
    for (QWidget* w : {static_cast<QWidget*>(restPort_), static_cast<QWidget*>(listenAll_)}) {
        w->setEnabled(restEnabled_->isChecked());
        connect(restEnabled_, &QCheckBox::toggled, w, &QWidget::setEnabled);
    }
    auto* save = new QPushButton(tr("Sa&ve"));
    save->setAccessibleName(tr("Save the REST API settings"));
    connect(save, &QPushButton::clicked, this, &MobilePage::saveRestSettings);
    restMessage_ = new QLabel;
    restMessage_->setAccessibleName(tr("REST API settings message"));
    restMessage_->setWordWrap(true);

    originNote_ = new QLabel;
    originNote_->setAccessibleName(tr("Where the REST API settings come from"));
    originNote_->setWordWrap(true);
    originNote_->setVisible(false);

    auto* content = new QWidget;
    auto* form = new QFormLayout(content);
    form->addRow(apiState_);
    form->addRow(originNote_);
    form->addRow(restEnabled_);
    form->addRow(tr("&Port:"), restPort_);
    form->addRow(listenAll_);
    form->addRow(rowWithRight({restMessage_}, {save}));
    return group(tr("REST API (applied after a restart)"), content);
}

QWidget* MobilePage::createPairingBox()
{
    pair_ = new QPushButton(tr("&Pair a phone"));
    pair_->setAccessibleName(tr("Pair a phone"));
    connect(pair_, &QPushButton::clicked, this, &MobilePage::pairPhone);
    auto* content = new QWidget;
    auto* form = new QFormLayout(content);
    form->addRow(pair_);
    code_ = addValueRow(form, tr("Code"), tr("Pairing code"));
    QFont big("monospace");
    big.setStyleHint(QFont::Monospace);
    big.setPointSizeF(font().pointSizeF() * 1.6);
    big.setBold(true);
    code_->setFont(big);
    url_ = addValueRow(form, tr("Open on the phone"), tr("Pairing address"));
    url_->setWordWrap(true);
    expiry_ = addValueRow(form, tr("Valid until"), tr("Pairing code expiry"));
    qr_ = new QLabel(tr("Pair a phone to show its QR code here."));
    qr_->setAccessibleName(tr("Pairing QR code"));
    qr_->setAlignment(Qt::AlignCenter);
    qr_->setMinimumSize(200, 200);
    form->addRow(qr_);
    return group(tr("Pair a phone"), content);
}

void MobilePage::setApi(std::shared_ptr<api::PairingDesk> pairing, quint16 port, bool listenAll)
{
    pairing_ = std::move(pairing);
    pair_->setEnabled(pairing_ != nullptr);
    revoke_->setEnabled(pairing_ != nullptr);
    if (port == 0) {
        apiState_->setText(tr("The REST API is off, so phones cannot pair or send jobs. Tick \"Serve the REST API\", "
                              "save, and restart Photoblocks (or start it with --rest-port %1).").arg(kDefaultRestPort));
        return;
    }
    const QString where = listenAll ? tr("every interface, for phones on the LAN") : tr("this machine only");
    apiState_->setText(pairing_ ? tr("The REST API is on: port %1, %2. Phones open %3")
                                      .arg(port).arg(where, pairing_->webClient())
                                : tr("The REST API is on: port %1, %2. Pairing is off: this node keeps no devices file.")
                                      .arg(port).arg(where));
    reloadDevices();
}

void MobilePage::setOrigins(const SettingOrigins& origins)
{
    const QString set = describeOrigins(origins, {"rest-port", "rest-listen-all"});
    originNote_->setVisible(!set.isEmpty());
    originNote_->setText(tr("This run uses %1, which wins over the form below. The form is what is saved: it takes "
                            "effect at the next start without those options.").arg(set));
}

void MobilePage::refresh() { jobs_->update(node_.miningJobs()); }

void MobilePage::saveRestSettings()
{
    GuiSettings().setRestApi({restEnabled_->isChecked() ? restPort_->value() : 0, listenAll_->isChecked()});
    restMessage_->setText(tr("Saved. Restart Photoblocks for the REST API settings to take effect."));
}

void MobilePage::pairPhone()
{
    if (!pairing_) return;
    std::shared_ptr<api::PairingDesk> desk = pairing_;
    queries_.run([desk] { return desk->invite(QDateTime::currentSecsSinceEpoch()); },
                 [this](const api::PairingInvitation& invitation) {
                     code_->setText(invitation.code.code);
                     pairingUrl_ = invitation.pairingUrl;
                     url_->setText(pairingUrl_);
                     expiry_->setText(tr("%1 (one use)").arg(timeText(invitation.code.expiresAt)));
                     const QImage qr = qrCodeImage(pairingUrl_, 5);
                     if (qr.isNull()) qr_->setText(tr("The address is too long for a QR code; type it on the phone."));
                     else qr_->setPixmap(QPixmap::fromImage(qr));
                     message_->setText(tr("Scan the QR code with the phone, or open the address and type the code."));
                 });
}

void MobilePage::revokeSelected()
{
    QTreeWidgetItem* item = devices_->currentItem();
    if (!pairing_ || !item) {
        message_->setText(tr("Select a device to revoke."));
        return;
    }
    const QString id = item->text(DeviceId), name = item->text(DeviceName);
    std::shared_ptr<api::PairingDesk> desk = pairing_;
    struct Outcome {
        bool revoked = false;
        QString error;
        std::vector<api::PairedDevice> devices;
    };
    queries_.run(
        [desk, id] {
            Outcome o;
            o.revoked = desk->revoke(id, &o.error);
            o.devices = desk->devices();
            return o;
        },
        [this, name](const Outcome& o) {
            message_->setText(o.revoked ? tr("Revoked %1: its token no longer works.").arg(name)
                                        : tr("Could not revoke %1: %2.").arg(name, o.error));
            showDevices(o.devices);
        });
}

void MobilePage::reloadDevices()
{
    if (!pairing_) return;
    std::shared_ptr<api::PairingDesk> desk = pairing_;
    queries_.run([desk] { return desk->devices(); },
                 [this](const std::vector<api::PairedDevice>& devices) { showDevices(devices); });
}

void MobilePage::showDevices(const std::vector<api::PairedDevice>& devices)
{
    // Re-read every few seconds: rebuild only when something changed, keeping the selection.
    bool same = int(devices.size()) == devices_->topLevelItemCount();
    for (int i = 0; same && i < int(devices.size()); ++i) same = devices_->topLevelItem(i)->text(DeviceId) == devices[i].id;
    if (!same) {
        const QString selected = devices_->currentItem() ? devices_->currentItem()->text(DeviceId) : QString();
        devices_->clear();
        for (const api::PairedDevice& d : devices) {
            auto* item = new QTreeWidgetItem({d.name, d.id, timeText(d.pairedAt)});
            devices_->addTopLevelItem(item);
            if (d.id == selected) devices_->setCurrentItem(item);
        }
    }
}

QString MobilePage::apiStateText() const { return apiState_->text(); }
QString MobilePage::pairingCode() const { return code_->text(); }
QString MobilePage::message() const { return message_->text(); }

} // namespace pb::ui
