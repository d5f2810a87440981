// motion.hpp in the browser: window's deviceorientation event. iOS Safari has
// DeviceOrientationEvent.requestPermission, which must be called with the press's user
// activation; other browsers fire the event once it is listened to. A reading without angles
// (a desktop browser with no sensor sends one) does not count.

#include "platform/motion.hpp"

#include <emscripten.h>

namespace {

EM_JS(int, js_motion_supported, (), {
    return (typeof DeviceOrientationEvent !== 'undefined' && window.matchMedia &&
            window.matchMedia('(pointer: coarse)').matches) ? 1 : 0;
});

EM_JS(void, js_motion_start, (), {
    var m = Module.dongelekMotion || (Module.dongelekMotion = {listening: false, refused: false, valid: false,
                                                              alpha: 0, beta: 0, gamma: 0, serial: 0});
    if (m.listening) return;
    m.refused = false;
    m.handler = m.handler || function(e) {
        if (e.alpha === null || e.beta === null || e.gamma === null) return;
        m.alpha = e.alpha; m.beta = e.beta; m.gamma = e.gamma;
        m.valid = true;
        m.serial++;
        _dongelek_wake();
    };
    var listen = function() {
        m.listening = true;
        window.addEventListener('deviceorientation', m.handler);
        _dongelek_wake();
    };
    var refuse = function() { m.refused = true; m.listening = false; _dongelek_wake(); };
    if (typeof DeviceOrientationEvent.requestPermission === 'function') {
        try {
            DeviceOrientationEvent.requestPermission().then(function(answer) {
                if (answer === 'granted') listen(); else refuse();
            }, refuse);
        } catch (e) { refuse(); }
    } else {
        listen();
    }
});

EM_JS(void, js_motion_stop, (), {
    var m = Module.dongelekMotion;
    if (!m || !m.listening) return;
    window.removeEventListener('deviceorientation', m.handler);
    m.listening = false;
    m.valid = false;
});

EM_JS(int, js_motion_read, (double* out), {
    var m = Module.dongelekMotion;
    if (!m) return 0;
    HEAPF64[(out >> 3) + 0] = m.alpha;
    HEAPF64[(out >> 3) + 1] = m.beta;
    HEAPF64[(out >> 3) + 2] = m.gamma;
    HEAPF64[(out >> 3) + 3] = m.serial;
    return (m.listening ? 1 : 0) | (m.refused ? 2 : 0) | (m.valid ? 4 : 0);
});

} // namespace

namespace dongelek::platform {

bool motionSupported() { return js_motion_supported() != 0; }
void startMotion() { js_motion_start(); }
void stopMotion() { js_motion_stop(); }

DeviceMotion motion()
{
    double v[4] = {0, 0, 0, 0};
    const int flags = js_motion_read(v);
    DeviceMotion m;
    m.listening = (flags & 1) != 0;
    m.refused = (flags & 2) != 0;
    m.valid = (flags & 4) != 0;
    m.alpha = v[0];
    m.beta = v[1];
    m.gamma = v[2];
    m.serial = static_cast<std::uint64_t>(v[3]);
    return m;
}

} // namespace dongelek::platform
