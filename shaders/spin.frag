// The exterior spin: the two captured frames around the current angle, blended by how far the
// angle is between them (uT: core/view360 blendAt's weight, a cross-fade over the middle of the
// step), so turning looks continuous. Each frame is a texture and a
// sub-rectangle of it (a cell of the small-frames atlas until the frame itself has arrived).
// uView = (zoom, panX, panY): the view shows frame point (vUv - 0.5 - pan) / zoom + 0.5.
in vec2 vUv;
out vec4 outColor;
uniform sampler2D uFrom;
uniform sampler2D uTo;
uniform vec4 uFromRect;
uniform vec4 uToRect;
uniform float uT;
uniform vec3 uView;
void main()
{
    vec2 p = (vUv - 0.5 - uView.yz) / uView.x + 0.5;
    vec4 a = texture(uFrom, mix(uFromRect.xy, uFromRect.zw, p));
    vec4 b = texture(uTo, mix(uToRect.xy, uToRect.zw, p));
    outColor = vec4(mix(a.rgb, b.rgb, uT), 1.0);
}
