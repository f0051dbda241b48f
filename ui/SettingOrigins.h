#pragma once
// Where the options of this run came from when not from the saved settings: the command line
// or a config file. Those win over what the Settings and Mobile pages save, so the pages say
// so next to the saved values (which take effect at the next start without those options).
#include <QMap>
#include <QString>
#include <QStringList>

namespace pb::ui {

struct SettingOrigin {
    QString source;  // "the command line" or "the config file /path/photoblocks.conf"
    QString value;   // as given ("true" for a flag)
};
using SettingOrigins = QMap<QString, SettingOrigin>;  // by long option name ("rest-port")

// "--rest-port 8645 (the command line), --threads 2 (the config file …)" for those of `keys`
// that are set; empty when none is.
QString describeOrigins(const SettingOrigins& origins, const QStringList& keys);

} // namespace pb::ui
