// A rectangle of the screen: aPos runs 0..1 over it (0,0 at the top left); uRect gives its
// corners in clip space (top left xy, bottom right zw).
layout(location = 0) in vec2 aPos;
uniform vec4 uRect;
out vec2 vUv;
void main()
{
    vUv = aPos;
    gl_Position = vec4(mix(uRect.xy, uRect.zw, aPos), 0.0, 1.0);
}
