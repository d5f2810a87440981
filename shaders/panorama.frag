// The interior panorama as a perspective view: each pixel's direction from the camera's axes
// and field of view, then its place in the equirectangular image (yaw across, pitch down from
// +90 at the top), which comes in two side-by-side tiles. The same geometry as
// core/view360.cpp (placeOnPanorama / panoramaDirectionAt).
in vec2 vUv;
out vec4 outColor;
uniform sampler2D uTile0;
uniform sampler2D uTile1;
uniform vec3 uForward;
uniform vec3 uRight;
uniform vec3 uUp;
uniform vec2 uTan; // tan of half the horizontal and vertical field of view
void main()
{
    vec3 d = normalize(uForward + uRight * ((2.0 * vUv.x - 1.0) * uTan.x) + uUp * ((1.0 - 2.0 * vUv.y) * uTan.y));
    float u = fract(atan(d.x, d.z) / 6.28318530718 + 1.0);
    float v = 0.5 - asin(clamp(d.y, -1.0, 1.0)) / 3.14159265359;
    vec3 c = u < 0.5 ? texture(uTile0, vec2(u * 2.0, v)).rgb : texture(uTile1, vec2(u * 2.0 - 1.0, v)).rgb;
    outColor = vec4(c, 1.0);
}
