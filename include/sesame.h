/* Sesame: parent-account activation decisions for French school portals. Umbrella header. */
#ifndef SESAME_H
#define SESAME_H

#include "sesame/common.h"
#include "sesame/errors.h"
#include "sesame/version.h"
#include "sesame/library.h"
#include "sesame/limits.h"
#include "sesame/redis.h"
#include "sesame/phone.h"
#include "sesame/password.h"
#include "sesame/phone_audit.h"
#include "sesame/otp.h"
#include "sesame/identity.h"

#endif /* SESAME_H */
