// Dear ImGui's triangles: the vertex colour times the texture (the font atlas's white pixel for
// plain shapes).
in vec2 vUv;
in vec4 vColor;
uniform sampler2D uTexture;
layout(location = 0) out vec4 fragColor;
void main()
{
    fragColor = vColor * texture(uTexture, vUv);
}
