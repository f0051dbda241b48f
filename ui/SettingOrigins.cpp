#include "ui/SettingOrigins.h"

#include <QObject>

namespace pb::ui {

QString describeOrigins(const SettingOrigins& origins, const QStringList& keys)
{
    QStringList parts;
    for (const QString& key : keys) {
        if (!origins.contains(key)) continue;
        const SettingOrigin& o = origins[key];
        const QString option = o.value == "true" ? "--" + key : QString("--%1 %2").arg(key, o.value);
        parts << QObject::tr("%1 (%2)").arg(option, o.source);
    }
    return parts.join(", ");
}

} // namespace pb::ui
