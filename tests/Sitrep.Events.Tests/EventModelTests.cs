using Sitrep.Events;

namespace Sitrep.Events.Tests;

public sealed class EventModelTests
{
    [Theory]
    [InlineData(Modality.Asserted, "asserted")]
    [InlineData(Modality.Denied, "denied")]
    [InlineData(Modality.Hypothetical, "hypothetical")]
    public void ModalityRecordNamesMatchTheContract(Modality m, string name) => Assert.Equal(name, m.ToRecord());
}
