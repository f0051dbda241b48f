#pragma once
// Mobile: the REST API phones use (on/off, port, every interface or this machine only; saved
// with QSettings and applied at the next start), pairing a phone with a one-time code shown
// as text and as a QR code of the pairing address, the paired devices with Revoke, and the
// mining jobs that came in through the API. Pairing goes through api::PairingDesk, never
// through HTTP to this process; its calls run on a worker thread.
#include "core/api/PairingDesk.h"
#include "core/node/Node.h"
#include "ui/SettingOrigins.h"
#include "ui/BackgroundQueries.h"

#include <QWidget>
#include <memory>

class QCheckBox;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QSpinBox;
class QTreeWidget;

namespace pb::ui {

class MiningJobModel;

class MobilePage : public QWidget {
    Q_OBJECT
public:
    enum DeviceColumn { DeviceName, DeviceId, PairedAt };

    explicit MobilePage(Node& node, QWidget* parent = nullptr);

    // The REST API is running: where, and its pairing desk (null when pairing is off).
    // Until this is called the page says the API is off and how to turn it on.
    void setApi(std::shared_ptr<api::PairingDesk> pairing, quint16 port, bool listenAll);
    void refresh();
    // Options of this run set by the command line or a config file: the page says which of
    // the REST API's win over the saved form (which applies at starts without them).
    void setOrigins(const SettingOrigins& origins);
    QLabel* originNote() const { return originNote_; }

    // Issues a one-time pairing code and shows it with its QR code and expiry.
    void pairPhone();
    // Revokes the device selected in the list: its token stops working at once.
    void revokeSelected();
    // Stores the REST API form (applied at the next start).
    void saveRestSettings();

    QString apiStateText() const;
    QString pairingCode() const;
    QString pairingUrl() const { return pairingUrl_; }
    QString message() const;
    QPushButton* pairButton() const { return pair_; }
    QTreeWidget* deviceList() const { return devices_; }
    QSortFilterProxyModel* mobileJobs() const { return mobileJobs_; }
    QCheckBox* restEnabledBox() const { return restEnabled_; }
    QSpinBox* restPortBox() const { return restPort_; }
    QCheckBox* listenAllBox() const { return listenAll_; }

private:
    QWidget* createRestBox();
    QWidget* createPairingBox();
    void reloadDevices();
    void showDevices(const std::vector<api::PairedDevice>& devices);

    Node& node_;
    std::shared_ptr<api::PairingDesk> pairing_;
    QLabel* apiState_;
    QCheckBox* restEnabled_;
    QSpinBox* restPort_;
    QCheckBox* listenAll_;
    QLabel* restMessage_;
    QLabel* originNote_;
    QPushButton* pair_;
    QLabel* code_;
    QLabel* url_;
    QLabel* expiry_;
    QLabel* qr_;
    QString pairingUrl_;
    QTreeWidget* devices_;
    QPushButton* revoke_;
    QLabel* message_;
    MiningJobModel* jobs_;
    QSortFilterProxyModel* mobileJobs_;
    BackgroundQueries queries_{this};
};

} // namespace pb::ui
